package org.edustat.validate;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.edustat.core.Period;
import org.edustat.core.RegistryEntry;
import org.edustat.core.SchoolProfile;
import org.edustat.core.Submission;
import org.edustat.form.FormFigure;
import org.jspecify.annotations.Nullable;

/**
 * The variables a rule sees (the school, its profile and registry entry, params) and the
 * figures of earlier periods.
 */
final class RuleVariables {

	private RuleVariables() {
	}

	static @Nullable BigDecimal earlier(History history, Submission submission, Period period, FormFigure metric) {
		return history.value(submission.school().id(), period, metric.sheet(), metric.row(), metric.column())
			.orElse(null);
	}

	/**
	 * Whether an expression names a variable (or prefix.variable) the workbook does not
	 * have.
	 */
	static boolean uses(Expression expression, Set<String> absent) {
		if (absent.isEmpty()) {
			return false;
		}
		for (List<String> path : expression.variables()) {
			if (absent.contains(path.get(0)) || (path.size() > 1 && absent.contains(path.get(0) + "." + path.get(1)))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The history rules' own variables in words; halfYear and metric say which
	 * comparison, not a value compared.
	 */
	private static final Map<String, String> HISTORY_WORDS = Map.of("value", "本期", "previous", "上年同期", "firstHalf",
			"上半年", "wholeYear", "上年全年");

	/**
	 * The values a failed check compared, as a person reads them: 优良人数115人,合格人数110人; a
	 * variable with no name in the form keeps its own (total=12).
	 */
	static String values(Rule rule, Expression test, Map<String, Object> vars) {
		Map<String, String> shown = new LinkedHashMap<>();
		for (List<String> path : test.variables()) {
			if ("params".equals(path.get(0)) || "school".equals(path.get(0)) || "halfYear".equals(path.get(0))
					|| "metric".equals(path.get(0))) {
				continue;
			}
			Object value = vars.get(path.get(0));
			if (path.size() > 1 && value instanceof Map<?, ?> map) {
				value = map.get(path.get(1));
			}
			String[] label = path.size() == 1 ? rule.labels().get(path.get(0)) : null;
			String words = path.size() == 1 ? HISTORY_WORDS.get(path.get(0)) : null;
			if (label == null && words != null) {
				shown.put(words, value == null ? "无数据" : Message.format(value));
				continue;
			}
			shown.put(label != null ? label[0] : String.join(".", path) + "=",
					Message.format(value) + (label != null && value != null ? label[1] : ""));
		}
		return shown.entrySet().stream().map(e -> e.getKey() + e.getValue()).collect(Collectors.joining(","));
	}

	static Map<String, Object> base(Rule rule, Map<String, Object> school) {
		Map<String, Object> vars = new HashMap<>();
		vars.put("params", rule.params());
		vars.put("school", school);
		return vars;
	}

	static Map<String, Object> school(Submission submission) {
		return profile(submission.school());
	}

	static Map<String, Object> registry(RegistryEntry entry) {
		Map<String, Object> registry = profile(entry.school());
		registry.put("status", entry.status());
		return registry;
	}

	static Map<String, Object> profile(SchoolProfile s) {
		Map<String, Object> profile = new HashMap<>();
		profile.put("type", s.type().label());
		profile.put("sponsor", s.sponsor().label());
		profile.put("urbanRural", s.urbanRural().label());
		profile.put("name", s.name());
		profile.put("district", s.district().value());
		return profile;
	}

}

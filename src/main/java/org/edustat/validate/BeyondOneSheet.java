package org.edustat.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.edustat.core.CellRef;
import org.edustat.core.Figure;
import org.edustat.core.Finding;
import org.edustat.core.Period;
import org.edustat.core.SheetData;
import org.edustat.core.Submission;
import org.edustat.form.Form;
import org.edustat.form.FormFigure;
import org.edustat.form.SheetForm;

/**
 * The rules that look beyond one sheet of the workbook: across its sheets row by row
 * (cross), and against the school's earlier periods (history).
 */
final class BeyondOneSheet {

	private BeyondOneSheet() {
	}

	/**
	 * Every row of the sheets a cross-sheet rule names, a row one sheet lacks counting as
	 * zeros there.
	 */
	static void cross(Rule rule, Submission submission, Map<String, Object> school, List<Finding> findings) {
		List<SheetData> sheets = new ArrayList<>();
		for (SheetForm form : rule.crossSheets()) {
			Optional<SheetData> sheet = submission.sheet(form.name());
			if (sheet.isEmpty()) {
				return;
			}
			sheets.add(sheet.get());
		}
		Set<String> rows = new LinkedHashSet<>();
		sheets.forEach(sheet -> rows.addAll(sheet.rows().keySet()));
		for (String row : rows) {
			Map<String, Object> vars = RuleVariables.base(rule, school);
			Map<String, CellRef> cells = new HashMap<>();
			Set<String> absent = new HashSet<>();
			CellRef fallback = null;
			for (int i = 0; i < sheets.size(); i++) {
				SheetForm form = rule.crossSheets().get(i);
				SheetData sheet = sheets.get(i);
				fallback = fallback == null && sheet.hasRow(row) ? CellRef.sheet(sheet.sheetName()) : fallback;
				vars.put(form.variable(), RuleChecks.row(sheet, row, form, cells, absent));
			}
			vars.put("row", row);
			// every row is some sheet's: the first sheet that has it gives the fallback
			// cell
			RuleChecks.apply(rule, vars, absent, cells, Objects.requireNonNull(fallback), findings);
		}
	}

	static void history(Rule rule, Form form, Submission submission, Map<String, Object> school, List<Finding> findings,
			History history) {
		Period period = submission.period();
		for (String name : rule.metrics()) {
			FormFigure metric = Objects.requireNonNull(form.figures().get(name), name);
			Optional<Figure> figure = submission.sheet(metric.sheet())
				.flatMap(s -> s.figure(metric.row(), metric.column()));
			if (figure.isEmpty()) {
				continue;
			}
			Map<String, Object> vars = RuleVariables.base(rule, school);
			vars.put("value", figure.get().value());
			vars.put("previous", RuleVariables.earlier(history, submission, period.sameLastYear(), metric));
			vars.put("firstHalf", period.halfYear() ? null
					: RuleVariables.earlier(history, submission, period.firstHalfOfYear(), metric));
			vars.put("wholeYear", period.halfYear()
					? RuleVariables.earlier(history, submission, period.wholeYearOf(), metric) : null);
			vars.put("halfYear", period.halfYear());
			vars.put("metric", metric.label());
			RuleChecks.apply(rule, vars, Set.of(), Map.of("value", figure.get().cell()), figure.get().cell(), findings);
		}
	}

}

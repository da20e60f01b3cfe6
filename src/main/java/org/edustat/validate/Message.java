package org.edustat.validate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A Chinese message whose {placeholders} are expressions over the same variables as the
 * rule.
 */
final class Message {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

	private final String template;

	private final List<Object> parts;

	private Message(String template, List<Object> parts) {
		this.template = template;
		this.parts = parts;
	}

	static Message parse(String template, Function<String, Expression> compile) {
		List<Object> parts = new ArrayList<>();
		Matcher m = PLACEHOLDER.matcher(template);
		int at = 0;
		while (m.find()) {
			parts.add(template.substring(at, m.start()));
			parts.add(compile.apply(m.group(1).trim()));
			at = m.end();
		}
		parts.add(template.substring(at));
		return new Message(template, parts);
	}

	List<Expression> expressions() {
		return parts.stream().filter(Expression.class::isInstance).map(Expression.class::cast).toList();
	}

	String render(Map<String, Object> context) {
		StringBuilder out = new StringBuilder();
		for (Object part : parts) {
			out.append(part instanceof Expression e ? format(e.evaluate(context)) : part);
		}
		return out.toString();
	}

	static String format(@Nullable Object value) {
		if (value instanceof BigDecimal d) {
			BigDecimal plain = d.stripTrailingZeros();
			return plain.scale() <= 0 ? plain.toPlainString() : d.setScale(1, RoundingMode.HALF_UP).toPlainString();
		}
		if (value instanceof Double d) {
			return format(BigDecimal.valueOf(d));
		}
		return String.valueOf(value);
	}

	@Override
	public String toString() {
		return template;
	}

}

package org.edustat.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a rule's expressions and refuses any that names what the scope does not
 * expose.
 */
record ExpressionCompiler(String file, String code, Map<String, Set<String>> allowed, Set<String> used) {

	ExpressionCompiler(String file, String code, Map<String, Set<String>> allowed) {
		this(file, code, allowed, new HashSet<>());
	}

	Expression compile(String text) {
		Expression expression;
		try {
			expression = Expression.compile(text);
		}
		catch (ExpressionException ex) {
			throw RuleBook.fail(file, code, "表达式「" + text + "」无法解析或不被允许(只能是对数据的比较和计算): " + ex.getMessage(),
					"expression refused: " + text);
		}
		for (List<String> path : expression.variables()) {
			String root = path.get(0);
			used.add(root);
			Set<String> subs = allowed.get(root);
			if (subs == null) {
				throw RuleBook.fail(file, code,
						"表达式「" + text + "」引用了未知的变量「" + String.join(".", path) + "」,只能使用 "
								+ allowed.keySet().stream().sorted().toList(),
						"unknown variable " + String.join(".", path));
			}
			if (path.size() > 1 && !subs.isEmpty() && !subs.contains(path.get(1))) {
				throw RuleBook.fail(file, code, "表达式「" + text + "」引用了未知的「" + root + "." + path.get(1) + "」,可用 "
						+ subs.stream().sorted().toList(), "unknown field " + root + "." + path.get(1));
			}
		}
		return expression;
	}
}

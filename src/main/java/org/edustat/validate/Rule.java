package org.edustat.validate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.edustat.core.Severity;
import org.edustat.form.SheetForm;
import org.jspecify.annotations.Nullable;

/**
 * A rule ready to evaluate: its expressions compiled and checked against what its scope
 * exposes.
 *
 * @param sheet the sheet of a row, total or sheet rule
 * @param crossSheets the grid sheets a cross-sheet rule names, by their prefix
 * @param labels how a person reads each variable: its column, item or figure name and
 * unit (good → 优良人数, 人)
 */
record Rule(String file, String code, @Nullable String name, Severity severity, Scope scope, @Nullable SheetForm sheet,
		@Nullable Expression when, @Nullable Expression value, List<Check> checks, Map<String, Object> params,
		List<String> metrics, List<SheetForm> crossSheets, Map<String, String[]> labels) {

	/**
	 * The sheet of a rule of scope row, total or sheet: the compiler gave each one.
	 */
	SheetForm onSheet() {
		return Objects.requireNonNull(sheet, code);
	}

	/**
	 * A condition, the variable whose cell a failure points at, and the message it gives.
	 */
	record Check(@Nullable Expression test, @Nullable String cell, Message message) {
	}
}

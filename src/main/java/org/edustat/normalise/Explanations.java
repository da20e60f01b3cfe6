package org.edustat.normalise;

import java.util.HashMap;
import java.util.Map;

import org.edustat.core.Submission;
import org.edustat.form.Labels;
import org.edustat.normalise.internal.RawSheet;

/**
 * Reads the sheet 审核结果 of a feedback workbook a school sent back: the 说明 it wrote against
 * each finding, by rule code and cell.
 */
public final class Explanations {

	/** The name of the findings sheet of a feedback workbook. */
	public static final String SHEET = "审核结果";

	public static final String CODE = "规则";

	public static final String CELL = "单元格";

	public static final String EXPLANATION = "说明";

	private Explanations() {
	}

	static Map<String, String> read(RawSheet sheet) {
		Map<String, String> explanations = new HashMap<>();
		int code = -1;
		int cell = -1;
		int text = -1;
		for (RawSheet.Row row : sheet.rows()) {
			if (code < 0) {
				for (int c = 0; c < row.cells().length; c++) {
					String name = Labels.clean(row.cell(c));
					if (name.equals(CODE)) {
						code = c;
					}
					else if (name.equals(CELL)) {
						cell = c;
					}
					else if (name.startsWith(EXPLANATION)) {
						text = c;
					}
				}
				continue;
			}
			String said = text < 0 ? null : row.cell(text);
			if (cell < 0 || row.cell(code) == null || said == null || said.isBlank()) {
				continue;
			}
			explanations.put(Submission.explanationKey(Labels.clean(row.cell(code)), Labels.clean(row.cell(cell))),
					said.strip());
		}
		return explanations;
	}

}

package org.edustat.demo;

import org.apache.poi.ss.usermodel.CellType;
import org.edustat.core.Period;
import org.edustat.core.SchoolType;

/** The faults the demo plants in a few 2023 submissions for the audit rules to find. */
final class PlantedFindings {

	private PlantedFindings() {
	}

	/**
	 * Plants what the audit rules must find in a few 2023 submissions: a 大班额 and a 生师比
	 * out of its band (warnings, loaded), a 合计 that is not the sum of its grades and 优良
	 * above 合格 (errors, rejected with a feedback workbook).
	 */
	static void plant(DemoSchool school, Period period, Figures figures, SubmissionWorkbook workbook) {
		if (period.year() != 2023) {
			return;
		}
		SchoolType type = school.profile().type();
		int index = school.index();
		if (index == 7 && type != SchoolType.KINDERGARTEN && period.halfYear()) {
			long[] first = figures.students.values().iterator().next();
			first[1] = first[0] * 58;
		}
		if (index == 13 && period.halfYear()) {
			for (long[] row : figures.staff.values()) {
				for (int c = 0; c < row.length; c++) {
					row[c] = Math.max(0, row[c] / 3);
				}
			}
		}
		if (index == 19 && !period.halfYear()) {
			workbook.tamper(wb -> {
				var sheet = wb.getSheet("学生") != null ? wb.getSheet("学生") : wb.getSheetAt(2);
				var total = sheet.getRow(sheet.getLastRowNum());
				var cell = total.getCell(total.getLastCellNum() - 1);
				if (cell != null && cell.getCellType() == CellType.NUMERIC) {
					cell.setCellValue(cell.getNumericCellValue() + 3);
				}
			});
		}
		if (index == 20 && !period.halfYear()) {
			long[] first = figures.health.values().iterator().next();
			first[2] = first[1] + 5;
		}
	}

}

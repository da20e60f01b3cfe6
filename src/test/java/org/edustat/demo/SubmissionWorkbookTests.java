package org.edustat.demo;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.core.SchoolType;
import org.edustat.form.SheetForm;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo generator writes the form's sheets in its order, and each messy variant as the
 * contract describes it.
 */
class SubmissionWorkbookTests {

	static final DemoSchool SCHOOL = Workbooks.school(SchoolType.NINE_YEAR);

	@Test
	void aCleanWorkbookHasTheFormsSheetsInItsOrderAndTheirHeaders() throws Exception {
		try (Workbook wb = open(Workbooks.submission(SCHOOL, Workbooks.H1_2023))) {
			assertThat(names(wb))
				.containsExactlyElementsOf(Workbooks.FORM.sheets().stream().map(SheetForm::name).toList());
			assertThat(wb.getSheet("学生").getRow(0).getCell(1).getStringCellValue()).isEqualTo("班数");
			assertThat(wb.getSheet("基本情况").getRow(1).getCell(1).getStringCellValue())
				.isEqualTo(SCHOOL.profile().id().value());
		}
	}

	@Test
	void theMessyVariantsRenameSheetsAddTitlesAndWriteNumbersAsText() throws Exception {
		SubmissionWorkbook messy = Workbooks.submission(SCHOOL, Workbooks.H1_2023)
			.mess(Mess.SHEET_NAME_VARIANTS, Mess.TITLE_ROWS, Mess.TEXT_NUMBERS, Mess.EXTRA_SHEETS);
		try (Workbook wb = open(messy)) {
			assertThat(names(wb)).contains("基本情况表", "学生情况 ", "教职工统计表", "填报说明", "封面");
			assertThat(wb.isSheetHidden(wb.getSheetIndex("封面"))).isTrue();
			Sheet students = wb.getSheet("学生情况 ");
			assertThat(students.getRow(0).getCell(1).getStringCellValue()).endsWith("学生统计表");
			assertThat(students.getRow(4).getCell(2).getCellType().name()).isEqualTo("STRING");
		}
	}

	private static Workbook open(SubmissionWorkbook workbook) throws Exception {
		return WorkbookFactory.create(new ByteArrayInputStream(workbook.bytes()));
	}

	private static List<String> names(Workbook wb) {
		List<String> names = new ArrayList<>();
		wb.forEach(sheet -> names.add(sheet.getSheetName()));
		return names;
	}

}

package org.edustat.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Lays out one period's comparative report: 总览, 区县对比, 明细数据, 图表, 数据质量, 文字摘要, 变动, one class
 * per sheet.
 */
final class ReportWorkbook {

	private final ReportData data;

	ReportWorkbook(ReportData data) {
		this.data = data;
	}

	void write(Path file) throws IOException {
		try (XSSFWorkbook template = new XSSFWorkbook()) {
			ReportCells cells = new ReportCells(data, template);
			OverviewSheet.write(template.createSheet("总览"), data, cells);
			DistrictsSheet.write(template.createSheet("区县对比"), data, cells);
			template.createSheet("明细数据");
			template.createSheet("学校明细");
			ChartsSheet.write(template.createSheet("图表"), data, cells);
			if (data.trend().shown()) {
				TrendSheet.write(template.createSheet("历年趋势"), data, cells);
			}
			QualitySheet.write(template.createSheet("数据质量"), data, cells);
			SummarySheet.write(template.createSheet("文字摘要"), data, cells);
			ChangesSheet.write(template.createSheet("变动"), data, cells);
			for (Sheet sheet : template) {
				printable(sheet);
			}
			try (SXSSFWorkbook streaming = new SXSSFWorkbook(template, 200);
					OutputStream out = Files.newOutputStream(file)) {
				DetailSheet.write(streaming.getSheet("明细数据"), data, cells);
				SchoolsSheet.write(streaming.getSheet("学校明细"), data, cells);
				streaming.write(out);
				streaming.dispose();
			}
		}
	}

	/**
	 * Prints in landscape on A4 at full size, split over as many pages as it takes (the
	 * header rows, and on wide sheets the label columns, repeated on each), so that no
	 * sheet prints under its own font size; a narrow sheet fits one page wide. 图表 keeps
	 * its own setting: its charts and tables fit one page, so that no chart is cut.
	 */
	private static void printable(Sheet sheet) {
		sheet.getPrintSetup().setLandscape(true);
		sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
		if (!sheet.getSheetName().equals("图表")) {
			sheet.setFitToPage(false);
		}
		sheet.setHorizontallyCenter(false);
		sheet.setMargin(PageMargin.LEFT, 0.4);
		sheet.setMargin(PageMargin.RIGHT, 0.4);
		sheet.setMargin(PageMargin.TOP, 0.4);
		sheet.setMargin(PageMargin.BOTTOM, 0.4);
		sheet.setMargin(PageMargin.HEADER, 0.2);
		sheet.setMargin(PageMargin.FOOTER, 0.2);
		// the height Chinese Excel gives a row of 11 pt text (19 px): rows keep it where
		// they have no height of their own
		sheet.setDefaultRowHeightInPoints(SummarySheet.LINE_HEIGHT);
	}

}

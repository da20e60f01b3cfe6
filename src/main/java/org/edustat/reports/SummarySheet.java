package org.edustat.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Indicator;
import org.edustat.indicators.Sentences;

/**
 * 文字摘要: first one ready-to-paste paragraph for the city and one per 区县, each opened,
 * where schools are missing or refused, by a line saying how many and that their figures
 * are not included; then the detailed lines per 学段.
 */
final class SummarySheet {

	/**
	 * The width of the sheet's one column, in character widths; a Chinese character takes
	 * about two.
	 */
	static final int WIDTH = 130;

	/**
	 * The height of one line of 11 pt text, in points: what Chinese Excel gives a row of
	 * 11 pt 宋体 or 等线 (19 px).
	 */
	static final float LINE_HEIGHT = 14.25f;

	private SummarySheet() {
	}

	/**
	 * How many lines a paragraph takes at the column's width, so that its row shows all
	 * of it on screen and in print.
	 */
	static int lines(String text) {
		return FeedbackMarks.linesAcross(text, WIDTH - 2);
	}

	static void write(Sheet sheet, ReportData data, ReportCells cells) {
		sheet.createRow(0).createCell(0).setCellValue(cells.title() + " 文字摘要");
		sheet.getRow(0).getCell(0).setCellStyle(cells.style("title"));
		CellStyle wrapped = cells.style("wrap");
		List<Comparison.Area> areas = data.areas()
			.stream()
			.sorted((a, b) -> Boolean.compare(b.city(), a.city()))
			.toList();
		int r = 2;
		r = heading(sheet, r, "一、总体情况", cells);
		for (Comparison.Area area : areas) {
			r = heading(sheet, r, area.city() ? "全市" : area.name(), cells);
			for (String text : List.of(note(data, area),
					Sentences.paragraph(data.rows(), area.code(), data.yearEnd(), causes(data, area)),
					overTheYears(data, area))) {
				if (!text.isEmpty()) {
					Row row = sheet.createRow(r++);
					Cell cell = row.createCell(0);
					cell.setCellValue(text);
					cell.setCellStyle(wrapped);
					row.setHeightInPoints(LINE_HEIGHT * lines(text));
				}
			}
		}
		r = heading(sheet, r + 1, "二、分学段情况", cells);
		for (Comparison.Area area : areas) {
			r = heading(sheet, r, area.city() ? "全市" : area.name(), cells);
			for (String sentence : Sentences.byIndicator(data.rows(), area.code(), data.yearEnd())) {
				Row line = sheet.createRow(r++);
				Cell cell = line.createCell(0);
				cell.setCellValue(sentence);
				if (lines(sentence) > 1) {
					cell.setCellStyle(wrapped);
					line.setHeightInPoints(LINE_HEIGHT * lines(sentence));
				}
			}
		}
		sheet.setColumnWidth(0, WIDTH * 256);
		ReportCells.fitPrint(sheet, 1);
	}

	/**
	 * The span of 历年趋势 for an area, where at least three year-ends are known:
	 * 2019年以来，全市在校生年均增长2.1%（由50,112人增至 54,377人）, for each key indicator with a first and
	 * last value; every number is a cell of 历年趋势.
	 */
	static String overTheYears(ReportData data, Comparison.Area area) {
		Trend trend = data.trend();
		if (!trend.shown()) {
			return "";
		}
		List<String> sentences = new ArrayList<>();
		String who = area.city() ? "全市" : area.name();
		data.rows().stream().map(Comparison.Row::indicator).filter(Indicator::key).distinct().forEach(indicator -> {
			Integer first = null;
			Integer last = null;
			for (int year : trend.years()) {
				if (trend.value(indicator.code(), area.code(), year) != null) {
					first = first == null ? year : first;
					last = year;
				}
			}
			if (first == null || first.equals(last) || Objects.requireNonNull(last) - first < Trend.FEWEST - 1) {
				return;
			}
			BigDecimal from = trend.value(indicator.code(), area.code(), first);
			BigDecimal to = trend.value(indicator.code(), area.code(), last);
			BigDecimal growth = Trend.yearlyGrowth(from, first, to, last);
			if (growth == null) {
				return;
			}
			String direction = growth.signum() > 0 ? "年均增长" + Sentences.number(growth, 1) + "%"
					: growth.signum() < 0 ? "年均下降" + Sentences.number(growth.negate(), 1) + "%" : "年均持平";
			sentences.add(first + "年以来，" + who + indicator.name() + direction + "（由"
					+ Sentences.amount(indicator, Objects.requireNonNull(from))
					+ (trend.isPublished(indicator.code(), area.code(), first) ? "（公布数）" : "") + "变为"
					+ Sentences.amount(indicator, Objects.requireNonNull(to)) + "）");
		});
		return sentences.isEmpty() ? "" : String.join("；", sentences) + "。";
	}

	private static int heading(Sheet sheet, int r, String text, ReportCells cells) {
		Row row = sheet.createRow(r);
		row.createCell(0).setCellValue(text);
		row.getCell(0).setCellStyle(cells.style("header"));
		return r + 1;
	}

	/**
	 * Why an area's count of schools changed, the causes adding up to the change
	 * (1所未报送、1所被退回).
	 */
	static String causes(ReportData data, Comparison.Area area) {
		return data.causes(area.code());
	}

	/**
	 * How many absent schools a note names; beyond it, the note gives the count alone
	 * (数据质量 lists them all).
	 */
	static final int NAMED = 10;

	/**
	 * An area's schools not in its figures: those that did not report (未报), and those
	 * whose every file was refused (退回).
	 */
	private record Absent(List<ReportData.Missing> missing, List<ReportData.Missing> refused) {

		static Absent of(ReportData data, Comparison.Area area) {
			return new Absent(in(data.quality().missing(), area), in(data.quality().refusedSchools(), area));
		}

		private static List<ReportData.Missing> in(List<ReportData.Missing> schools, Comparison.Area area) {
			return schools.stream().filter(m -> area.city() || area.code().equals(m.districtCode())).toList();
		}

		/** The names of the schools: those not reported, then those refused. */
		List<String> names() {
			List<String> names = new ArrayList<>();
			missing.forEach(m -> names.add(m.schoolName()));
			refused.forEach(m -> names.add(m.schoolName()));
			return names;
		}
	}

	/**
	 * How many of an area's schools are not in its figures — not reported, or refused —
	 * and, where the two periods' schools differ, that changes are on the comparable
	 * basis; empty when every school is in.
	 */
	static String note(ReportData data, Comparison.Area area) {
		Absent absent = Absent.of(data, area);
		long missing = absent.missing().size();
		long refused = absent.refused().size();
		boolean incomplete = data.rows().stream().anyMatch(row -> row.area().equals(area.code()) && row.incomplete());
		if (missing == 0 && refused == 0 && !incomplete) {
			return "";
		}
		StringBuilder note = new StringBuilder("说明：");
		note.append(area.city() ? "全市" : area.name());
		if (missing > 0 || refused > 0) {
			note.append("有")
				.append(missing > 0 ? missing + "所学校未报送" : "")
				.append(missing > 0 && refused > 0 ? "、" : "")
				.append(refused > 0 ? refused + "所学校的报表被退回" : "");
			List<String> names = absent.names();
			if (!names.isEmpty() && names.size() <= NAMED) {
				note.append("（").append(String.join("、", names)).append("）");
			}
			note.append("，其数据未计入以下数字");
		}
		if (incomplete) {
			note.append(missing > 0 || refused > 0 ? "；" : "")
				.append("与")
				.append(data.yearEnd() ? "上年" : "上年同期")
				.append("相比的增减按可比口径（两期均已入库的学校）计算");
		}
		return note.append("。").toString();
	}

}

package org.edustat.normalise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.edustat.core.CellRef;
import org.edustat.core.District;
import org.edustat.core.DistrictCode;
import org.edustat.core.ReferenceData;
import org.edustat.core.RegistryEntry;
import org.edustat.core.Rejection;
import org.edustat.core.SchoolId;
import org.edustat.core.SchoolProfile;
import org.edustat.core.SchoolType;
import org.edustat.core.Sponsor;
import org.edustat.core.Target;
import org.edustat.core.UrbanRural;
import org.edustat.form.Form;
import org.edustat.form.Labels;
import org.edustat.form.SheetForm;
import org.edustat.normalise.internal.RawSheet;
import org.edustat.normalise.internal.RawWorkbook;

/** Reads the bureau's reference workbooks: sheets 区县, 学校名录 and 年度目标, each a header row and a row per entry. */
public class ReferenceNormaliser {

	private final Form form;

	public ReferenceNormaliser(Form form) {
		this.form = form;
	}

	/** Whether a sheet of this name is a reference sheet. */
	public boolean wanted(String sheetName) {
		return form.referenceFor(sheetName).isPresent();
	}

	/** Whether a workbook with these sheets is a reference workbook rather than a school submission. */
	public boolean isReference(List<String> sheetNames) {
		return sheetNames.stream().anyMatch(this::wanted)
				&& sheetNames.stream().noneMatch(name -> SubmissionNormaliser.wanted(form, name));
	}

	public ReferenceData normalise(RawWorkbook workbook) {
		Problems problems = new Problems();
		List<District> districts = new ArrayList<>();
		List<RegistryEntry> registry = new ArrayList<>();
		List<Target> targets = new ArrayList<>();
		for (RawSheet sheet : workbook.sheets()) {
			String kind = form.referenceFor(sheet.name()).map(SheetForm::name).orElse("");
			if (kind.equals(Form.DISTRICTS)) {
				rows(sheet, form.referenceFor(sheet.name()).get(), problems, (get, cell) -> districts.add(new District(
						new DistrictCode(get.apply("行政区划代码")), get.apply("名称"),
						blank(get.apply("上级代码")) ? null : new DistrictCode(get.apply("上级代码")))));
			}
			else if (kind.equals(Form.REGISTRY)) {
				rows(sheet, form.referenceFor(sheet.name()).get(), problems, (get, cell) -> registry.add(new RegistryEntry(new SchoolProfile(
						new SchoolId(get.apply("学校标识码")), get.apply("学校名称"), new DistrictCode(get.apply("行政区划代码")),
						SchoolType.ofLabel(get.apply("办学类型")).orElseThrow(() -> new IllegalArgumentException("办学类型无效")),
						Sponsor.ofLabel(get.apply("举办者")).orElseThrow(() -> new IllegalArgumentException("举办者无效")),
						UrbanRural.ofLabel(get.apply("城乡分类")).orElseThrow(() -> new IllegalArgumentException("城乡分类无效"))),
						blank(get.apply("状态")) ? RegistryEntry.ACTIVE : get.apply("状态"))));
			}
			else if (kind.equals(Form.TARGETS)) {
				rows(sheet, form.referenceFor(sheet.name()).get(), problems, (get, cell) -> targets.add(new Target(
						Integer.parseInt(get.apply("年度").replace("年", "")), new DistrictCode(get.apply("行政区划代码")),
						get.apply("指标代码"), Numbers.parse(get.apply("目标值"), Numbers.Money.NONE))));
			}
		}
		if (!problems.isEmpty()) {
			throw new Rejection(problems.findings());
		}
		return new ReferenceData(districts, registry, targets);
	}

	private interface RowConsumer {

		void accept(Function<String, String> get, CellRef cell);
	}

	private static void rows(RawSheet sheet, SheetForm reference, Problems problems, RowConsumer consumer) {
		List<String> columns = Form.REFERENCE_COLUMNS.get(reference.name());
		String name = sheet.name().strip();
		List<RawSheet.Row> rows = sheet.rows();
		int header = -1;
		Map<String, Integer> positions = new HashMap<>();
		for (int r = 0; r < Math.min(rows.size(), 20) && header < 0; r++) {
			positions.clear();
			String[] cells = rows.get(r).cells();
			for (int c = 0; c < cells.length; c++) {
				int column = c;
				reference.column(cells[c]).filter(f -> columns.contains(f.name()))
					.ifPresent(f -> positions.putIfAbsent(f.name(), column));
			}
			if (positions.size() == columns.size()) {
				header = r;
			}
		}
		if (header < 0) {
			problems.add("R01", CellRef.sheet(name), "工作表「" + name + "」缺少表头,应含" + String.join("、", columns),
					"reference header not found");
			return;
		}
		for (int r = header + 1; r < rows.size(); r++) {
			RawSheet.Row row = rows.get(r);
			if (positions.values().stream().allMatch(c -> blank(row.cell(c)))) {
				continue;
			}
			CellRef cell = CellRef.of(name, row.index(), 0);
			try {
				consumer.accept(column -> {
					String raw = row.cell(positions.get(column));
					return raw == null ? "" : Labels.clean(raw);
				}, cell);
			}
			catch (IllegalArgumentException ex) {
				problems.add("R02", cell, "第" + cell.row() + "行无效:" + ex.getMessage(), "invalid reference row");
			}
		}
	}

	private static boolean blank(String text) {
		return text == null || Labels.clean(text).isEmpty();
	}

	static BigDecimal number(String raw) {
		return Numbers.parse(raw, Numbers.Money.NONE);
	}
}

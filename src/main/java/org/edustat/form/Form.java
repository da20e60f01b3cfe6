package org.edustat.form;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bureau's form (jobs/form.yaml), checked: every sheet of the school workbook with
 * its items or rows and columns, the named figures of the rules, and the reference
 * workbooks. A file that cannot be used is refused naming the file, the entry and what is
 * wrong, before any workbook is read.
 */
public final class Form {

	/**
	 * The sheet that says whose workbook it is and for which period; its items are read
	 * by name.
	 */
	public static final String BASIC = "基本情况";

	/** The column key of a key–value sheet's figures. */
	public static final String VALUE = "值";

	/** The items of {@link #BASIC} the pipeline reads by name: identity and period. */
	public static final List<String> IDENTITY = List.of("学校标识码", "学校名称", "行政区划代码", "办学类型", "举办者", "城乡分类", "统计期");

	/**
	 * The most figures a submission may have under a form (the sum over its sheets of
	 * rows × figure columns, or figure items): the positions the database's
	 * {@code submission_value} view reaches into a submission's stored figures.
	 */
	public static final int MAX_FIGURES = 4096;

	/** The reference sheets. */
	public static final String DISTRICTS = "区县";

	public static final String REGISTRY = "学校名录";

	public static final String TARGETS = "年度目标";

	/** The totals a bureau published in the years before EduStat. */
	public static final String PUBLISHED = "历年数据";

	/** The reference sheets and the columns the pipeline reads from each. */
	public static final Map<String, List<String>> REFERENCE_COLUMNS = Map.of(DISTRICTS, List.of("行政区划代码", "名称", "上级代码"),
			REGISTRY, List.of("学校标识码", "学校名称", "行政区划代码", "办学类型", "举办者", "城乡分类", "状态"), TARGETS,
			List.of("年度", "行政区划代码", "指标代码", "目标值"), PUBLISHED, List.of("年度", "行政区划代码", "指标代码", "值"));

	/** Columns a reference sheet may have: read where its header names them. */
	public static final Map<String, List<String>> REFERENCE_OPTIONAL_COLUMNS = Map.of(REGISTRY, List.of("学校电话"));

	private final List<SheetForm> sheets;

	private final Map<String, FormFigure> figures;

	private final List<SheetForm> references;

	Form(List<SheetForm> sheets, Map<String, FormFigure> figures, List<SheetForm> references) {
		this.sheets = List.copyOf(sheets);
		this.figures = Map.copyOf(figures);
		this.references = List.copyOf(references);
	}

	public List<SheetForm> sheets() {
		return sheets;
	}

	/** The sheet of this canonical name. */
	public SheetForm sheet(String canonical) {
		return sheets.stream()
			.filter(s -> s.name().equals(canonical))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no sheet " + canonical + " in the form"));
	}

	/** The sheet of the form a workbook's sheet of this name is, if any. */
	public Optional<SheetForm> sheetFor(String sheetName) {
		return sheets.stream().filter(s -> s.answersTo(sheetName)).findFirst();
	}

	public SheetForm basic() {
		return sheet(BASIC);
	}

	/**
	 * The named figures of rules (school scope and history metrics), in the file's order.
	 */
	public Map<String, FormFigure> figures() {
		return figures;
	}

	public List<SheetForm> references() {
		return references;
	}

	/** The reference sheet a workbook's sheet of this name is, if any. */
	public Optional<SheetForm> referenceFor(String sheetName) {
		return references.stream().filter(s -> s.answersTo(sheetName)).findFirst();
	}

	/** The 学段 of a grid row, if it has one. */
	public Optional<String> stageOf(String sheet, String row) {
		return sheets.stream().filter(s -> s.name().equals(sheet)).findFirst().flatMap(s -> s.stageOf(row));
	}

	/**
	 * The cell a path names: 工作表.行.列 for a grid, 工作表.项目 or 工作表.项目.值 for a key–value
	 * sheet.
	 * @throws IllegalArgumentException with a Chinese reason when the form has no such
	 * cell
	 */
	public FormFigure cell(String name, String label, String path) {
		String[] parts = path.split("\\.");
		SheetForm sheet = sheets.stream()
			.filter(s -> s.name().equals(parts[0]))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("表式中没有工作表「" + parts[0] + "」"));
		if (sheet.grid()) {
			if (parts.length != 3) {
				throw new IllegalArgumentException("「" + path + "」应写作 工作表.行.列");
			}
			if (sheet.rows().stream().noneMatch(r -> r.name().equals(parts[1]))) {
				throw new IllegalArgumentException("工作表「" + parts[0] + "」没有行「" + parts[1] + "」");
			}
			if (sheet.columns().stream().noneMatch(c -> c.name().equals(parts[2]))) {
				throw new IllegalArgumentException("工作表「" + parts[0] + "」没有列「" + parts[2] + "」");
			}
			return new FormFigure(name, label, parts[0], parts[1], parts[2]);
		}
		if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !VALUE.equals(parts[2]))) {
			throw new IllegalArgumentException("「" + path + "」应写作 工作表.项目 或 工作表.项目.值");
		}
		if (sheet.figures().stream().noneMatch(i -> i.name().equals(parts[1]))) {
			throw new IllegalArgumentException("工作表「" + parts[0] + "」没有数字项目「" + parts[1] + "」");
		}
		return new FormFigure(name, label, parts[0], parts[1], VALUE);
	}

	/** Reads and checks a form file. */
	public static Form load(Path file) {
		return FormFile.read(file);
	}

}

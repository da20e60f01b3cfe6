package org.edustat.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.edustat.core.Period;
import org.edustat.core.SchoolType;
import org.jspecify.annotations.Nullable;

/**
 * A school's figures for one period, drawn so that totals add up and the checks of the
 * contract pass: a school grows a little each year, flows of a half-year are part of the
 * year's.
 */
public final class Figures {

	public static final List<String> STUDENT_COLUMNS = List.of("班数", "在校生数", "其中:女", "其中:随迁子女", "其中:残疾学生", "本期招生",
			"本期毕业生");

	public static final List<String> STAFF_ROWS = List.of("专任教师", "行政人员", "教辅人员", "工勤人员");

	public static final List<String> STAFF_COLUMNS = List.of("人数", "其中:女", "研究生学历", "本科学历", "正高级职称", "副高级职称", "本期新招聘");

	public static final List<String> HEALTH_COLUMNS = List.of("体质测试人数", "合格人数", "优良人数", "视力筛查人数", "近视人数");

	public static final List<String> CONDITION_ITEMS = List.of("占地面积", "校舍建筑面积", "运动场地面积", "塑胶运动场面积", "图书", "教学用计算机",
			"多媒体教室", "固定资产总值", "本期教育经费支出", "智慧校园", "参加教育共同体");

	/** Student rows by grade, columns as {@link #STUDENT_COLUMNS}. */
	public final Map<Grade, long[]> students = new LinkedHashMap<>();

	/** Staff rows as {@link #STAFF_ROWS}, columns as {@link #STAFF_COLUMNS}. */
	public final Map<String, long[]> staff = new LinkedHashMap<>();

	/** Health rows by grade, columns as {@link #HEALTH_COLUMNS}. */
	public final Map<Grade, long[]> health = new LinkedHashMap<>();

	/** Conditions items as {@link #CONDITION_ITEMS}; money in 万元, yes/no as 1/0. */
	public final Map<String, Double> conditions = new LinkedHashMap<>();

	public static Figures of(DemoSchool school, Period period, long seed) {
		Figures f = new Figures();
		Random random = new Random(seed * 31 + school.index() * 1_000_003L + period.year() * 7L);
		SchoolType type = school.profile().type();
		double growth = Math.pow(1 + (random.nextDouble() * 0.08 - 0.03), period.year() - 2020);
		boolean half = period.halfYear();
		Random grades = new Random(seed + school.index());
		for (Grade grade : Grade.values()) {
			if (!teaches(type, grade)) {
				continue;
			}
			int classes = Math.max(1, (int) Math.round((2 + grades.nextInt(5)) * school.scale()));
			int perClass = type == SchoolType.KINDERGARTEN ? 22 + grades.nextInt(8)
					: type == SchoolType.SPECIAL ? 8 + grades.nextInt(4) : 36 + grades.nextInt(10);
			long students = Math.round(classes * perClass * growth * (half ? 1.0 : 1.01));
			students = Math.min(students, classes * (perClass + 4L));
			long female = Math.round(students * (0.46 + random.nextDouble() * 0.05));
			long migrant = Math.round(students * (0.05 + random.nextDouble() * 0.2));
			long disabled = type == SchoolType.SPECIAL ? students : random.nextInt(3);
			boolean entry = isEntry(type, grade);
			boolean exit = isExit(type, grade);
			long enrolment = entry ? Math.round(students * (half ? 0.04 : 0.98)) : 0;
			long graduates = exit ? Math.round(students * (half ? 0.9 : 0.97)) : 0;
			f.students.put(grade, new long[] { classes, students, female, migrant, disabled, enrolment, graduates });
			long tested = type == SchoolType.KINDERGARTEN ? 0 : Math.round(students * 0.97);
			long passed = Math.round(tested * (0.9 + random.nextDouble() * 0.08));
			long good = Math.round(passed * (0.45 + random.nextDouble() * 0.2));
			long screened = Math.round(students * 0.98);
			long myopic = Math
				.round(screened * Math.min(0.85, 0.05 + grade.ordinal() * 0.045 + random.nextDouble() * 0.05));
			f.health.put(grade, new long[] { tested, passed, good, screened, myopic });
		}
		long studentTotal = f.students.values().stream().mapToLong(r -> r[1]).sum();
		double ratio = switch (type) {
			case KINDERGARTEN -> 12;
			case SPECIAL -> 4;
			case PRIMARY, NINE_YEAR, TWELVE_YEAR -> 16;
			case VOCATIONAL -> 17;
			default -> 12.5;
		};
		long teachers = Math.max(3, Math.round(studentTotal / (ratio * (0.9 + random.nextDouble() * 0.2))));
		long[] counts = { teachers, Math.max(1, teachers / 10), Math.max(1, teachers / 15),
				Math.max(1, teachers / 12) };
		for (int i = 0; i < STAFF_ROWS.size(); i++) {
			long n = counts[i];
			long postgrad = i == 0 ? Math.round(n * (0.08 + random.nextDouble() * 0.15)) : n / 10;
			long bachelor = Math.round((n - postgrad) * 0.8);
			long senior = i == 0 ? Math.round(n * 0.01 * random.nextInt(3)) : 0;
			long associate = i == 0 ? Math.round(n * 0.15) : 0;
			long hired = Math.round(n * (half ? 0.01 : 0.05));
			f.staff.put(STAFF_ROWS.get(i),
					new long[] { n, Math.round(n * 0.7), postgrad, bachelor, senior, associate, hired });
		}
		double scale = school.scale() * growth;
		double sports = Math.round(8000 * scale);
		f.conditions.put("占地面积", (double) Math.round(30000 * scale));
		f.conditions.put("校舍建筑面积", (double) Math.round(studentTotal * (7 + random.nextDouble() * 4)));
		f.conditions.put("运动场地面积", sports);
		f.conditions.put("塑胶运动场面积", (double) Math.round(sports * (0.5 + random.nextDouble() * 0.5)));
		f.conditions.put("图书", (double) Math.round(studentTotal * (20 + random.nextDouble() * 20)));
		f.conditions.put("教学用计算机", (double) Math.round(studentTotal * (0.08 + random.nextDouble() * 0.08)));
		f.conditions.put("多媒体教室", (double) Math.max(1, f.students.values().stream().mapToLong(r -> r[0]).sum()));
		f.conditions.put("固定资产总值", Math.round(1500 * scale * 100) / 100.0);
		f.conditions.put("本期教育经费支出", Math.round(studentTotal * 1.6 * (half ? 0.45 : 1.0) * 100) / 100.0);
		f.conditions.put("智慧校园", type != SchoolType.KINDERGARTEN && school.index() % 3 != 0 ? 1.0 : 0.0);
		f.conditions.put("参加教育共同体", school.index() % 4 != 1 ? 1.0 : 0.0);
		return f;
	}

	/**
	 * The demo's figure for a cell of the form (办学条件's items with column 值), or null
	 * where the demo has none: a column or item added to the form after the demo was
	 * written, or a grade the school does not teach.
	 */
	public @Nullable Double value(String sheet, String row, String column) {
		return switch (sheet) {
			case "学生" -> cell(row.equals("合计") ? studentTotal() : Grade.ofLabel(row).map(students::get).orElse(null),
					STUDENT_COLUMNS.indexOf(column));
			case "教职工" -> cell(row.equals("合计") ? staffTotal() : staff.get(row), STAFF_COLUMNS.indexOf(column));
			case "学生健康" -> cell(row.equals("合计") ? healthTotal() : Grade.ofLabel(row).map(health::get).orElse(null),
					HEALTH_COLUMNS.indexOf(column));
			case "办学条件" -> conditions.get(row);
			default -> null;
		};
	}

	private static @Nullable Double cell(long @Nullable [] values, int column) {
		return values == null || column < 0 ? null : (double) values[column];
	}

	/** The 合计 row of the student sheet. */
	public long[] studentTotal() {
		return sum(students.values(), STUDENT_COLUMNS.size());
	}

	public long[] staffTotal() {
		return sum(staff.values(), STAFF_COLUMNS.size());
	}

	public long[] healthTotal() {
		return sum(health.values(), HEALTH_COLUMNS.size());
	}

	private static long[] sum(Iterable<long[]> rows, int width) {
		long[] total = new long[width];
		for (long[] row : rows) {
			for (int c = 0; c < width; c++) {
				total[c] += row[c];
			}
		}
		return total;
	}

	static boolean teaches(SchoolType type, Grade grade) {
		if (type == SchoolType.SPECIAL) {
			return grade.ordinal() >= Grade.G1.ordinal() && grade.ordinal() <= Grade.G9.ordinal();
		}
		return type.teaches(grade.stage());
	}

	private static boolean isEntry(SchoolType type, Grade grade) {
		return switch (grade) {
			case K1, G1, G7, G10, V1 -> true;
			default -> false;
		};
	}

	private static boolean isExit(SchoolType type, Grade grade) {
		return switch (grade) {
			case K3, G6, G9, G12, V3 -> !(type == SchoolType.NINE_YEAR && grade == Grade.G6)
					&& !(type == SchoolType.TWELVE_YEAR && grade != Grade.G12);
			default -> false;
		};
	}

}

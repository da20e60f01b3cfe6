package org.edustat.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.edustat.core.District;
import org.edustat.core.FileFormat;
import org.edustat.core.Period;
import org.edustat.core.SchoolType;

/**
 * Writes the demo inbox of 云溪市: reference workbooks, every school's submissions for
 * 2022H1, 2022Y, 2023H1 and 2023Y with the messy variants spread over them, a
 * resubmission, a duplicate and the files the contract says to reject. The same seed
 * gives the same workbooks; files get modification times in the order they were written.
 */
public final class DemoInbox {

	private final Path root;

	private final long seed;

	private final List<Period> periods;

	private Instant clock = Instant.parse("2024-01-10T08:00:00Z");

	private final List<Path> written = new ArrayList<>();

	public DemoInbox(Path root, long seed) {
		this(root, seed, 2);
	}

	/**
	 * @param years how many years up to 2023, each a half-year and a year-end (two by
	 * default); with three or more, a 历年数据 workbook publishes the two years before the
	 * first as a bureau would have
	 */
	public DemoInbox(Path root, long seed, int years) {
		this.root = root;
		this.seed = seed;
		List<Period> all = new ArrayList<>();
		for (int year = 2024 - Math.max(1, years); year <= 2023; year++) {
			all.add(Period.parse(year + "H1"));
			all.add(Period.parse(year + "Y"));
		}
		this.periods = List.copyOf(all);
	}

	/**
	 * The demo: {@code schoolCount} schools (at least 15 for every 办学类型), four periods.
	 */
	public List<Path> writeDemo(int schoolCount) {
		List<DemoSchool> schools = Roster.schools(schoolCount, seed);
		writeReferences(schools);
		Mess[] variants = Mess.values();
		for (Period period : periods) {
			for (DemoSchool school : schools) {
				if (missing(school, period, schoolCount)) {
					continue;
				}
				int i = school.index() + periods.indexOf(period) * 3;
				Set<Mess> mess = EnumSet.noneOf(Mess.class);
				if (i % 3 != 0) {
					mess.add(variants[i % variants.length]);
				}
				if (i % 5 == 0) {
					mess.add(variants[(i / 5) % variants.length]);
				}
				if (mess.contains(Mess.FORMULAS)) {
					mess.remove(Mess.TEXT_NUMBERS);
				}
				FileFormat format = i % 6 == 1 ? FileFormat.XLS : FileFormat.XLSX;
				String extension = format == FileFormat.XLS ? (i % 12 == 1 ? ".xlsx" : ".xls") : ".xlsx";
				Figures figures = Figures.of(school, period, seed);
				SubmissionWorkbook workbook = SubmissionWorkbook.of(school, period, figures).mess(mess).format(format);
				PlantedFindings.plant(school, period, figures, workbook);
				write(folder(school, period).resolve(period.code() + "_" + school.profile().name() + extension),
						workbook.bytes());
			}
		}
		if (periods.size() >= 6) {
			writePublished(schools, periods.get(0).year());
		}
		writeResubmissionAndDuplicate(schools);
		writeRejected(schools);
		return List.copyOf(written);
	}

	/**
	 * {@code count} clean and messy submissions of one period, for benchmarks: no
	 * reference workbooks, no rejects.
	 */
	public List<Path> writeSubmissions(int count, Period period) {
		return writeSubmissions(count, period, 10);
	}

	/**
	 * As {@link #writeSubmissions(int, Period)}, one school in {@code xlsEvery} sending
	 * .xls; the files written so far by this inbox are returned.
	 */
	public List<Path> writeSubmissions(int count, Period period, int xlsEvery) {
		List<DemoSchool> schools = Roster.schools(count, seed);
		Mess[] variants = Mess.values();
		for (DemoSchool school : schools) {
			Set<Mess> mess = school.index() % 2 == 0 ? EnumSet.noneOf(Mess.class)
					: EnumSet.of(variants[school.index() % variants.length]);
			FileFormat format = school.index() % xlsEvery == 3 ? FileFormat.XLS : FileFormat.XLSX;
			byte[] bytes = SubmissionWorkbook.of(school, period, Figures.of(school, period, seed))
				.mess(mess)
				.format(format)
				.bytes();
			write(folder(school, period).resolve(school.profile().id() + (format == FileFormat.XLS ? ".xls" : ".xlsx")),
					bytes);
		}
		return List.copyOf(written);
	}

	/**
	 * A school leaves out a period: the last school of the first district misses 2023Y,
	 * so the quality report names it.
	 */
	static boolean missing(DemoSchool school, Period period, int schoolCount) {
		int lastOfFirstDistrict = ((schoolCount - 1) / 6) * 6;
		return period.equals(Period.parse("2023Y")) && school.index() == lastOfFirstDistrict;
	}

	private void writePublished(List<DemoSchool> schools, int firstYear) {
		write(root.resolve("参考数据").resolve("历年数据.xlsx"), DemoReferences.published(schools, firstYear, seed));
	}

	private void writeReferences(List<DemoSchool> schools) {
		Path folder = root.resolve("参考数据");
		write(folder.resolve("区县.xlsx"), ReferenceWorkbooks.districts(Roster.DISTRICTS));
		District first = Roster.districtsOnly().get(0);
		write(folder.resolve("学校名录.xlsx"),
				ReferenceWorkbooks.registry(schools, List.of(List.of("3" + first.code().value().substring(1) + "9901",
						first.name() + "红星小学", first.code().value(), "小学", "公办", "城区", "撤并"))));
		write(folder.resolve("年度目标.xlsx"), ReferenceWorkbooks.targets(DemoReferences.targets()));
	}

	private void writeResubmissionAndDuplicate(List<DemoSchool> schools) {
		Period period = Period.parse("2023H1");
		DemoSchool school = schools.get(1);
		Figures corrected = Figures.of(school, period, seed);
		long[] first = corrected.students.values().iterator().next();
		first[2] -= 1;
		write(folder(school, period).resolve(period.code() + "_" + school.profile().name() + "_更正.xlsx"),
				SubmissionWorkbook.of(school, period, corrected).bytes());
		DemoSchool other = schools.get(2);
		Path original = folder(other, period)
			.resolve(period.code() + "_" + other.profile().name() + (formatOf(other, period) == FileFormat.XLS
					? (indexOf(other, period) % 12 == 1 ? ".xlsx" : ".xls") : ".xlsx"));
		try {
			write(root.resolve(Roster.districtsOnly().get(2).name())
				.resolve("重复发送")
				.resolve(other.profile().name() + "(再次发送)"
						+ original.getFileName()
							.toString()
							.substring(original.getFileName().toString().lastIndexOf('.'))),
					Files.readAllBytes(original));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int indexOf(DemoSchool school, Period period) {
		return school.index() + periods.indexOf(period) * 3;
	}

	private FileFormat formatOf(DemoSchool school, Period period) {
		return indexOf(school, period) % 6 == 1 ? FileFormat.XLS : FileFormat.XLSX;
	}

	private void writeRejected(List<DemoSchool> schools) {
		Period period = Period.parse("2023Y");
		Path folder = root.resolve("待核对");
		DemoSchool a = schools.get(3);
		byte[] good = SubmissionWorkbook.of(a, period, Figures.of(a, period, seed)).bytes();
		write(folder.resolve("工作总结(误传).xlsx"), HostileFiles.notASpreadsheet());
		write(folder.resolve(a.profile().name() + "_上传中断.xlsx"), HostileFiles.truncated(good));
		write(folder.resolve(a.profile().name() + "_加密.xlsx"), HostileFiles.encryptedXlsx(good, "123456"));
		byte[] goodXls = SubmissionWorkbook.of(a, period, Figures.of(a, period, seed)).format(FileFormat.XLS).bytes();
		write(folder.resolve(a.profile().name() + "_加密.xls"), HostileFiles.encryptedXls(goodXls, "123456"));
		write(folder.resolve("压缩包异常.xlsx"), HostileFiles.zipBomb(8));
		DemoSchool b = schools.get(4);
		Figures fb = Figures.of(b, period, seed);
		write(folder.resolve(b.profile().name() + "_缺基本情况.xlsx"),
				SubmissionWorkbook.of(b, period, fb).tamper(wb -> wb.removeSheetAt(wb.getSheetIndex("基本情况"))).bytes());
		write(folder.resolve(b.profile().name() + "_标识码错误.xlsx"),
				SubmissionWorkbook.of(b, period, fb).basic("学校标识码", "39910").bytes());
		write(folder.resolve(b.profile().name() + "_区划代码错误.xlsx"),
				SubmissionWorkbook.of(b, period, fb).basic("行政区划代码", "990199").bytes());
		write(folder.resolve(b.profile().name() + "_统计期错误.xlsx"),
				SubmissionWorkbook.of(b, period, fb).basic("统计期", "去年").bytes());
		DemoSchool kindergarten = schools.stream()
			.filter(s -> s.profile().type() == SchoolType.KINDERGARTEN)
			.findFirst()
			.orElseThrow();
		write(folder.resolve(kindergarten.profile().name() + "_不是数字.xlsx"),
				SubmissionWorkbook.of(kindergarten, period, Figures.of(kindergarten, period, seed))
					.tamper(wb -> wb.getSheet("学生").getRow(1).getCell(2).setCellValue("约三十"))
					.bytes());
	}

	private Path folder(DemoSchool school, Period period) {
		String district = Roster.districtsOnly()
			.stream()
			.filter(d -> d.code().equals(school.profile().district()))
			.findFirst()
			.orElseThrow()
			.name();
		return root.resolve(district).resolve(period.code());
	}

	private void write(Path file, byte[] bytes) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
			clock = clock.plusSeconds(60);
			Files.setLastModifiedTime(file, FileTime.from(clock));
			written.add(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

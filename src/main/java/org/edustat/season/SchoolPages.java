package org.edustat.season;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.edustat.core.Figure;
import org.edustat.core.Period;
import org.edustat.core.SheetData;
import org.edustat.core.Submission;
import org.edustat.examine.Inspector;
import org.edustat.examine.JobFiles;
import org.edustat.intake.Archive;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.FindingStore;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page per school: its identity from 学校名录 (else from its files), every file it sent
 * over all periods with its status and 回执, and where it stands in the season in each
 * period (with the reason it was returned).
 */
public class SchoolPages {

	/** A school's page. */
	public record SchoolPage(String id, String name, String district, String type, String sponsor,
			String registryStatus, List<LedgerEntry> files, List<PeriodLine> periods, List<Revision> revisions,
			List<Explainable> warnings) {
	}

	/** A warning of a loaded file, to be answered with a 说明. */
	public record Explainable(@Nullable String period, LedgerEntry file, FindingStore.Warning warning) {
	}

	/**
	 * What changed from one loaded file of a period to the next that replaced it, cell by
	 * cell.
	 */
	public record Revision(String period, LedgerEntry before, LedgerEntry after, List<Change> changes) {
	}

	/**
	 * One figure that changed: where (the later file's cell), from and to (blank where
	 * the cell was empty).
	 */
	public record Change(String sheet, String row, String column, String cell, @Nullable BigDecimal before,
			@Nullable BigDecimal after) {
	}

	/** Where the school stands in one period. */
	public record PeriodLine(String period, String label, SchoolState state, @Nullable String reason,
			@Nullable String actor, @Nullable Long reportFileId, @Nullable Instant reportWrittenAt) {
	}

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final Reviews reviews;

	private final Archive archive;

	private final Inspector inspector;

	private final JobFiles jobFiles;

	private final FindingStore findings;

	private final AuditTrail audit;

	public SchoolPages(JdbcClient jdbc, Ledger ledger, Reviews reviews, Archive archive, Inspector inspector,
			JobFiles jobFiles, FindingStore findings, AuditTrail audit) {
		this.findings = findings;
		this.audit = audit;
		this.archive = archive;
		this.inspector = inspector;
		this.jobFiles = jobFiles;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.reviews = reviews;
	}

	/** The school's page, if the registry lists it or it sent a file. */
	public Optional<SchoolPage> of(String schoolId) {
		List<LedgerEntry> files = ledger.ofSchool(schoolId, 500);
		Optional<String[]> registered = jdbc
			.sql("""
					select school_name, district_code, school_type, sponsor, status from school_registry where school_id = ?""")
			.param(schoolId)
			.query((rs,
					n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5) })
			.optional();
		if (registered.isEmpty() && files.isEmpty()) {
			return Optional.empty();
		}
		String[] identity = registered.orElseGet(
				() -> new String[] { files.get(0).schoolName(), files.get(0).districtCode(), null, null, "未列入学校名录" });
		TreeSet<String> periods = new TreeSet<>(
				jdbc.sql("select distinct period from submission").query(String.class).list());
		files.stream()
			.map(LedgerEntry::period)
			.filter(p -> p != null && p.matches("\\d{4}(H1|Y)"))
			.forEach(periods::add);
		Map<String, Object[]> used = new HashMap<>();
		jdbc.sql("select period, file_id, written_at from report_source where school_id = ?")
			.param(schoolId)
			.query((rs, n) -> used.put(rs.getString(1), new Object[] { rs.getLong(2), rs.getTimestamp(3).toInstant() }))
			.list();
		List<PeriodLine> lines = new ArrayList<>();
		for (String code : periods.descendingSet()) {
			Period period = Period.parse(code);
			Object[] report = used.get(code);
			reviews.school(period, schoolId)
				.ifPresent(line -> lines
					.add(new PeriodLine(code, period.label(), line.state(), line.reason(), line.actor(),
							report == null ? null : (Long) report[0], report == null ? null : (Instant) report[1])));
		}
		List<Explainable> warnings = new ArrayList<>();
		files.stream()
			.filter(f -> f.status() == FileStatus.LOADED)
			.forEach(f -> findings.warnings(f.id()).forEach(w -> warnings.add(new Explainable(f.period(), f, w))));
		return Optional.of(new SchoolPage(schoolId, identity[0], identity[1], identity[2], identity[3], identity[4],
				files, lines, revisions(files), warnings));
	}

	/**
	 * A school answers a warning of its loaded file with a 说明 online, as it would in its
	 * workbook: the 说明 stands beside the warning in 数据质量 and on the 区县's pages; the
	 * reports are written again at the next run.
	 * @return false if the warning is not one of a loaded file of that school
	 */
	public boolean explain(String schoolId, long findingId, String explanation, String actor, String address) {
		Optional<LedgerEntry> file = findings.fileOfWarning(findingId)
			.flatMap(ledger::find)
			.filter(f -> schoolId.equals(f.schoolId()) && f.status() == FileStatus.LOADED);
		if (file.isEmpty()) {
			return false;
		}
		findings.explain(findingId, explanation);
		audit.record(Act.EXPLAINED, actor, address, file.get().period(), file.get().districtCode(), schoolId,
				explanation == null || explanation.isBlank() ? "删除了说明" : explanation.strip());
		return true;
	}

	/**
	 * For each period, what each file that loaded changed from the one it replaced: both
	 * originals read again from the archive with the form in force, their figures
	 * compared cell by cell.
	 */
	private List<Revision> revisions(List<LedgerEntry> files) {
		Map<String, List<LedgerEntry>> loaded = new TreeMap<>(Comparator.reverseOrder());
		files.stream()
			.filter(f -> f.status() == FileStatus.LOADED || f.status() == FileStatus.SUPERSEDED)
			.filter(f -> f.archivePath() != null && f.period() != null)
			.sorted(Comparator.comparingLong(LedgerEntry::id))
			.forEach(f -> loaded.computeIfAbsent(f.period(), p -> new ArrayList<>()).add(f));
		List<Revision> revisions = new ArrayList<>();
		loaded.forEach((period, sequence) -> {
			for (int i = sequence.size() - 1; i > 0; i--) {
				Optional<Submission> before = read(sequence.get(i - 1));
				Optional<Submission> after = read(sequence.get(i));
				if (before.isPresent() && after.isPresent()) {
					revisions.add(new Revision(period, sequence.get(i - 1), sequence.get(i),
							changes(before.get(), after.get())));
				}
			}
		});
		return revisions;
	}

	private Optional<Submission> read(LedgerEntry file) {
		String kept = file.archivePath();
		if (kept == null) {
			return Optional.empty();
		}
		Path original = archive.resolve(kept);
		if (!Files.isRegularFile(original)) {
			return Optional.empty();
		}
		return Optional.ofNullable(inspector.inspect(original, district -> true, jobFiles).submission());
	}

	/**
	 * The figures that differ between two submissions of a school, in the order of the
	 * form's sheets and rows.
	 */
	static List<Change> changes(Submission before, Submission after) {
		List<Change> changes = new ArrayList<>();
		Set<String> sheets = new LinkedHashSet<>(after.sheets().keySet());
		sheets.addAll(before.sheets().keySet());
		for (String sheet : sheets) {
			Map<String, Map<String, Figure>> was = before.sheet(sheet).map(SheetData::rows).orElse(Map.of());
			Map<String, Map<String, Figure>> now = after.sheet(sheet).map(SheetData::rows).orElse(Map.of());
			String name = after.sheet(sheet).or(() -> before.sheet(sheet)).map(SheetData::sheetName).orElse(sheet);
			Set<String> rows = new LinkedHashSet<>(now.keySet());
			rows.addAll(was.keySet());
			for (String row : rows) {
				Set<String> columns = new LinkedHashSet<>(now.getOrDefault(row, Map.of()).keySet());
				columns.addAll(was.getOrDefault(row, Map.of()).keySet());
				for (String column : columns) {
					Figure a = was.getOrDefault(row, Map.of()).get(column);
					Figure b = now.getOrDefault(row, Map.of()).get(column);
					BigDecimal x = a == null ? null : a.value();
					BigDecimal y = b == null ? null : b.value();
					boolean same = x == null ? y == null : y != null && x.compareTo(y) == 0;
					if (!same) {
						changes.add(new Change(name, row, column,
								Objects.requireNonNull((b != null ? b : a)).cell().toString(), x, y));
					}
				}
			}
		}
		return changes;
	}

}

package org.edustat.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.edustat.core.District;
import org.edustat.core.Period;
import org.edustat.indicators.Aggregation;
import org.edustat.indicators.Catalogue;
import org.edustat.indicators.Comparison;
import org.edustat.indicators.Indicator;
import org.edustat.ledger.LedgerReadings;
import org.edustat.load.Coverage;
import org.edustat.load.FactsReader;
import org.edustat.load.ReferenceStore;
import org.edustat.load.SchoolStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the comparative report of a period (半年报 for YYYYH1, 年报 for YYYYY) from the
 * loaded data, the targets and the ledger: to a temporary file moved into place, so a
 * reader never opens half a report.
 */
public class ComparativeReports {

	private static final Logger log = LoggerFactory.getLogger(ComparativeReports.class);

	private final JdbcClient jdbc;

	private final FactsReader facts;

	private final ReferenceStore references;

	private final Supplier<Catalogue> catalogue;

	private final Path output;

	private final Coverage coverage;

	private final LedgerReadings ledger;

	private final Function<String, String> ruleNames;

	private final ReportSnapshots snapshots;

	private final SchoolStatuses schoolStatuses;

	private final Season season;

	/**
	 * @param catalogue the indicators in force (of the run that writes the reports)
	 * @param ruleNames the name of an audit rule by its code (大班额 for S04), for the flags
	 * of 学校明细
	 */
	public ComparativeReports(JdbcClient jdbc, JdbcTemplate template, FactsReader facts, ReferenceStore references,
			Coverage coverage, LedgerReadings ledger, Supplier<Catalogue> catalogue, Function<String, String> ruleNames,
			Path output) {
		this(jdbc, template, facts, references, coverage, ledger, catalogue, ruleNames, output, Season.NONE);
	}

	/**
	 * @param season where a period stands in the season (locked or not, how many schools
	 * passed 审核) and when that changed
	 */
	public ComparativeReports(JdbcClient jdbc, JdbcTemplate template, FactsReader facts, ReferenceStore references,
			Coverage coverage, LedgerReadings ledger, Supplier<Catalogue> catalogue, Function<String, String> ruleNames,
			Path output, Season season) {
		this.season = season;
		this.ruleNames = ruleNames;
		this.snapshots = new ReportSnapshots(jdbc, template);
		this.jdbc = jdbc;
		this.coverage = coverage;
		this.schoolStatuses = new SchoolStatuses(jdbc, coverage);
		this.ledger = ledger;
		this.facts = facts;
		this.references = references;
		this.catalogue = catalogue;
		this.output = output.toAbsolutePath().normalize();
	}

	/** The file name of a period's report, e.g. 2023H1 半年报.xlsx. */
	public static String fileName(Period period) {
		return period.code() + (period.halfYear() ? " 半年报" : " 年报") + ".xlsx";
	}

	/**
	 * Whether the reports must be written: something was loaded or superseded since they
	 * were last written, or a period's report is missing from the output folder. Decided
	 * from the data, so a run restarted after a kill in the reports step writes them,
	 * whatever execution it is.
	 */
	public boolean due() {
		long last = jdbc.sql("select coalesce(max(last_file_id), 0) from report_mark").query(Long.class).single();
		long now = lastChange();
		Instant written = jdbc.sql("select written_at from report_mark")
			.query(Timestamp.class)
			.list()
			.stream()
			.map(Timestamp::toInstant)
			.max(Instant::compareTo)
			.orElse(Instant.EPOCH);
		return now > last || periodsWithData().stream()
			.anyMatch(p -> !Files.exists(output.resolve(fileName(p)))
					|| CsvExports.SHEETS.stream()
						.anyMatch(s -> !Files.exists(CsvExports.csv(output.resolve(fileName(p)), s)))
					|| season.changedAt(p).filter(changed -> !changed.isBefore(written)).isPresent());
	}

	/**
	 * Writes every period's reports if they are due, then notes how far the ledger had
	 * come.
	 */
	public List<Path> writeIfDue() {
		if (!due()) {
			return List.of();
		}
		long mark = lastChange();
		List<Path> written = writeAll();
		jdbc.sql("delete from report_mark").update();
		jdbc.sql("insert into report_mark (id, last_file_id, written_at) values (1, ?, ?)")
			.params(mark, Timestamp.from(Instant.now()))
			.update();
		return written;
	}

	private long lastChange() {
		return ledger.lastLoadedId();
	}

	public List<Period> periodsWithData() {
		return coverage.periods();
	}

	/** Writes the reports of every period with loaded data. */
	public List<Path> writeAll() {
		Catalogue indicators = catalogue.get();
		return periodsWithData().stream().map(p -> write(p, indicators)).toList();
	}

	public Path write(Period period) {
		return write(period, catalogue.get());
	}

	private Path write(Period period, Catalogue catalogue) {
		ReportData data = gather(period, catalogue);
		Path target = output.resolve(fileName(period));
		try {
			Files.createDirectories(output);
			Path partial = output.resolve("." + fileName(period) + ".part");
			new ReportWorkbook(data).write(partial);
			CsvExports.write(partial, target);
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("无法写出报表 (cannot write report) " + target, ex);
		}
		snapshots.save(data);
		// which submission of each school this report used, for the school's page
		jdbc.sql("delete from report_source where period = ?").param(period.code()).update();
		jdbc.sql("insert into report_source (period, school_id, file_id, written_at) "
				+ "select period, school_id, file_id, cast(? as timestamp) from submission where period = ?")
			.params(Timestamp.from(Instant.now()), period.code())
			.update();
		log.info("已生成报表 (report written): {}", target);
		return target;
	}

	/**
	 * Every loaded school's key figures in a period, by school code, computed as the
	 * period's report computes them.
	 */
	public Map<String, SchoolFigures> schoolFigures(Period period) {
		return SchoolFigures.of(gather(period, catalogue.get()));
	}

	ReportData gather(Period period, Catalogue catalogue) {
		List<District> districts = references.districts();
		District city = districts.stream().filter(District::isCity).findFirst().orElseThrow();
		List<Comparison.Area> areas = new ArrayList<>();
		districts.stream()
			.filter(d -> !d.isCity())
			.sorted(Comparator.comparing(d -> d.code().value()))
			.forEach(d -> areas.add(new Comparison.Area(d.code().value(), d.name(), false)));
		areas.add(new Comparison.Area(city.code().value(), city.name(), true));
		Map<String, Map<String, BigDecimal>> targets = new HashMap<>();
		references.targets(period.year())
			.forEach(t -> targets.computeIfAbsent(t.district().value(), k -> new HashMap<>())
				.put(t.indicator(), t.value()));
		List<Indicator> shown = catalogue.indicators()
			.stream()
			.filter(i -> i.key() && !i.numerator().isCount())
			.toList();
		Map<String, String> names = new HashMap<>();
		areas.forEach(a -> names.put(a.code(), a.name()));
		List<LedgerReadings.Warning> warnings = ledger.warningList(period.code());
		Map<String, List<String>> codes = new HashMap<>();
		warnings.stream().filter(LedgerReadings.Warning::onFile).forEach(w -> {
			List<String> school = codes.computeIfAbsent(w.schoolId(), k -> new ArrayList<>());
			if (!school.contains(w.code())) {
				school.add(w.code());
			}
		});
		PeriodFacts.Passes passes = PeriodFacts.read(facts, coverage, catalogue, period, city.code().value(),
				new PeriodFacts.SchoolContext(shown, names, codes, ruleNames, targets));
		Aggregation lastYear = passes.last();
		Aggregation firstHalf = period.halfYear() ? null : aggregate(catalogue, period.firstHalfOfYear(), city);
		List<Comparison.Row> rows = Comparison.compare(catalogue, areas, passes.current(),
				lastYear.schools() == 0 ? null : lastYear, lastYear.schools() == 0 ? null : passes.basis(),
				firstHalf == null || firstHalf.schools() == 0 ? null : firstHalf, targets);
		List<SchoolStatuses.School> statuses = schoolStatuses.of(period);
		return new ReportData(period, city.code().value(), city.name(), areas, rows, lastYear.schools() > 0,
				ReportSections.quality(ledger, period, statuses, areas, names, warnings),
				snapshots.changes(period, rows), shown, passes.schools(),
				lastYear.schools() == 0 ? Map.of()
						: SchoolCountCauses.of(areas, passes.loadedNow(), passes.loadedLast(), statuses,
								schoolStatuses.registryStatuses()),
				season.standing(period), ReportSections.trend(period, rows, snapshots, references));
	}

	private Aggregation aggregate(Catalogue catalogue, Period period, District city) {
		Aggregation aggregation = new Aggregation(catalogue, city.code().value());
		facts.forEach(period, catalogue.form(), aggregation::add);
		return aggregation;
	}

}

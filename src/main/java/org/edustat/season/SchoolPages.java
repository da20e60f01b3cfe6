package org.edustat.season;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.edustat.core.Period;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerEntry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page per school: its identity from 学校名录 (else from its files), every file it sent over all periods with its
 * status and 回执, and where it stands in the season in each period (with the reason it was returned).
 */
public class SchoolPages {

	/** A school's page. */
	public record SchoolPage(String id, String name, String district, String type, String sponsor, String registryStatus,
			List<LedgerEntry> files, List<PeriodLine> periods) {
	}

	/** Where the school stands in one period. */
	public record PeriodLine(String period, String label, Reviews.SchoolState state, String reason, String actor) {
	}

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final Reviews reviews;

	public SchoolPages(JdbcClient jdbc, Ledger ledger, Reviews reviews) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.reviews = reviews;
	}

	/** The school's page, if the registry lists it or it sent a file. */
	public Optional<SchoolPage> of(String schoolId) {
		List<LedgerEntry> files = ledger.ofSchool(schoolId, 500);
		Optional<String[]> registered = jdbc.sql("""
				select school_name, district_code, school_type, sponsor, status from school_registry where school_id = ?""")
			.param(schoolId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5) })
			.optional();
		if (registered.isEmpty() && files.isEmpty()) {
			return Optional.empty();
		}
		String[] identity = registered.orElseGet(() -> new String[] { files.get(0).schoolName(), files.get(0).districtCode(), null,
				null, "未列入学校名录" });
		TreeSet<String> periods = new TreeSet<>(jdbc.sql("select distinct period from submission").query(String.class).list());
		files.stream().map(LedgerEntry::period).filter(p -> p != null && p.matches("\\d{4}(H1|Y)")).forEach(periods::add);
		List<PeriodLine> lines = new ArrayList<>();
		for (String code : periods.descendingSet()) {
			Period period = Period.parse(code);
			reviews.school(period, schoolId).ifPresent(line -> lines.add(new PeriodLine(code, period.label(), line.state(),
					line.reason(), line.actor())));
		}
		return Optional.of(new SchoolPage(schoolId, identity[0], identity[1], identity[2], identity[3], identity[4], files, lines));
	}
}

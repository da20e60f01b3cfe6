package org.edustat.load;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

import org.edustat.core.FileFormat;
import org.edustat.core.Period;
import org.edustat.core.ReferenceData;
import org.edustat.core.RegistryEntry;
import org.edustat.core.SchoolId;
import org.edustat.core.SchoolProfile;
import org.edustat.core.SchoolType;
import org.edustat.core.Submission;
import org.edustat.demo.DemoSchool;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Loaded submissions in a JDBC slice with the real migrations: replaced per school and
 * period, counted against the registry.
 */
@JdbcTest
class CoverageTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	DataSource dataSource;

	static final Period H1 = Workbooks.H1_2023;

	@TempDir
	Path folder;

	@Test
	void countsTheSchoolsLoadedAgainstTheRegistryAndNamesThoseMissing() {
		SubmissionStore store = new SubmissionStore(jdbc, template, new FigureKeys(dataSource));
		ReferenceStore references = new ReferenceStore(jdbc, template);
		Coverage coverage = new Coverage(jdbc);
		DemoSchool school = Workbooks.school(SchoolType.PRIMARY);
		SchoolProfile loaded = school.profile();
		SchoolProfile absent = new SchoolProfile(new SchoolId("2101999999"), "未报学校", loaded.district(),
				SchoolType.PRIMARY, loaded.sponsor(), loaded.urbanRural());
		references.apply(new ReferenceData(List.of(),
				List.of(new RegistryEntry(loaded, "正常"), new RegistryEntry(absent, "正常")), List.of()));

		Submission submission = Workbooks.normalise(folder, Workbooks.submission(school, H1).bytes(), FileFormat.XLSX);
		SubmissionStore.Batch batch = store.batch();
		batch.replace(submission, 1, Instant.parse("2023-07-01T00:00:00Z"), Instant.now());
		batch.flush();
		batch = store.batch();
		batch.replace(submission, 2, Instant.parse("2023-07-02T00:00:00Z"), Instant.now());
		batch.flush();

		assertThat(store.current(loaded.id().value(), "2023H1")).get()
			.extracting(CurrentSubmission::fileId)
			.isEqualTo(2L);
		assertThat(coverage.reported(H1)).containsExactly(loaded.id().value());
		assertThat(coverage.reportedCount(H1, loaded.district().value())).isEqualTo(1);
		assertThat(coverage.periods()).containsExactly(H1);
		assertThat(coverage.missing(loaded.district().value(), H1))
			.extracting(Coverage.School::id, Coverage.School::name)
			.containsExactly(tuple("2101999999", "未报学校"));
		assertThat(coverage.byPeriodAndDistrict()).singleElement()
			.extracting(Coverage.Reported::reported, Coverage.Reported::expected)
			.containsExactly(1L, 2L);
	}

	@Test
	void handsEverySchoolOfAPeriodOnceInCodeOrderWithItsOwnFiguresAcrossQueries() {
		int schools = 2 * FactsReader.SCHOOLS_A_QUERY + 37;
		for (int i : shuffled(schools, 7)) {
			String id = loadSchool(i, "390101");
			jdbc.sql(
					"insert into submission_figures (school_id, period, key_ids, vals) values (?, '2022H1', array[cast(? as integer)], array[1000000])")
				.params(id, studentsKey())
				.update();
		}
		List<String> seen = new ArrayList<>();

		int count = new FactsReader(template, new FigureKeys(dataSource)).forEach(H1, Workbooks.FORM, school -> {
			seen.add(school.schoolId());
			int i = Integer.parseInt(school.schoolId().substring(4));
			assertThat(school.name()).isEqualTo("学校" + i);
			assertThat(school.values()).containsOnlyKeys("学生.合计.在校生数");
			assertThat(school.value("学生.合计.在校生数"))
				.hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(String.valueOf(i)));
		});

		assertThat(count).isEqualTo(schools);
		assertThat(seen).hasSize(schools).isSorted().doesNotHaveDuplicates();
		assertThat(seen.get(0)).isEqualTo("3901000001");
		assertThat(seen.get(schools - 1)).isEqualTo(String.format("3901%06d", schools));
	}

	@Test
	void handsTheSchoolsByDistrictThenCodeInBatchesOfAtMostOneQuery() {
		int schools = 2 * FactsReader.SCHOOLS_A_QUERY + 37;
		for (int i : shuffled(schools, 5)) {
			loadSchool(i, "39010" + (i % 3 + 1));
		}
		List<String> seen = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();

		new FactsReader(template, new FigureKeys(dataSource)).forEachBatchByDistrict(H1, Workbooks.FORM, batch -> {
			sizes.add(batch.size());
			batch.forEach(school -> {
				seen.add(school.district() + "/" + school.schoolId());
				assertThat(school.value("学生.合计.在校生数")).hasValueSatisfying(v -> assertThat(v)
					.isEqualByComparingTo(school.schoolId().substring(4).replaceFirst("^0+", "")));
			});
		});

		assertThat(sizes).allMatch(size -> size <= FactsReader.SCHOOLS_A_QUERY).hasSize(3);
		assertThat(seen).hasSize(schools).isSorted().doesNotHaveDuplicates();
		assertThat(seen.get(0)).isEqualTo("390101/3901000003");
		assertThat(seen.get(schools - 1)).isEqualTo("390103/3901000236");
	}

	private static List<Integer> shuffled(int count, long seed) {
		List<Integer> order = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(seed));
		return order;
	}

	/**
	 * School number i of the district, loaded for 2023H1 with i students; returns its
	 * code.
	 */
	private String loadSchool(int i, String district) {
		String id = String.format("3901%06d", i);
		jdbc.sql(
				"insert into submission (school_id, period, file_id, school_name, district_code, school_type, sponsor, "
						+ "urban_rural, modified_at, loaded_at) values (?, '2023H1', ?, ?, ?, '小学', '教育部门', '城区', "
						+ "current_timestamp, current_timestamp)")
			.params(id, i, "学校" + i, district)
			.update();
		jdbc.sql("insert into submission_figures (school_id, period, key_ids, vals) "
				+ "values (?, '2023H1', array[cast(? as integer)], array[cast(? as bigint)])")
			.params(id, studentsKey(), i * 1_000_000L)
			.update();
		return id;
	}

	/** The id of the key 学生 / 合计 / 在校生数 at 学生!C9. */
	private int studentsKey() {
		return new FigureKeys(dataSource).ids(new FigureKey[] { new FigureKey("学生", "合计", "在校生数", "学生!C9") })[0];
	}

}

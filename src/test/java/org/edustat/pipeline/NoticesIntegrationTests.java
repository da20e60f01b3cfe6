package org.edustat.pipeline;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.cli.ImportCommand;
import org.edustat.core.Period;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.ReferenceWorkbooks;
import org.edustat.demo.Roster;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.season.Deadlines;
import org.edustat.testing.Workbooks;
import org.edustat.users.Role;
import org.edustat.users.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Deadlines, 及时率 and the daily digests, against an SMTP server started here (GreenMail):
 * with 报送截止 past for one 区县 and ahead for another, the late 区县's schools are chased in
 * its digest and counted late, the other's on time — on the 审核 data and in the report's
 * 数据质量; the other, past its own 审核截止, hears which schools await its 审核; a school hears of
 * its refused file; one digest a day each, and nobody without an address or with nothing
 * to hear gets one.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticesIntegrationTests {

	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(
			new ServerSetup(3925, null, ServerSetup.PROTOCOL_SMTP));

	static final Path ROOT = TestFolders.root("edustat-notices");

	static final List<DemoSchool> SCHOOLS = Roster.schools(12, Workbooks.SEED);

	static final Period H1 = Period.parse("2023H1");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:notices;DB_CLOSE_DELAY=-1");
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> "3925");
		registry.add("edustat.notices.enabled", () -> "true");
		registry.add("edustat.notices.from", () -> "edustat@bureau.example");
		TestFolders.folders(registry, ROOT);
	}

	@Autowired
	ImportCommand importCommand;

	@Autowired
	Notices notices;

	@Autowired
	Deadlines deadlines;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	DemoSchool missing;

	DemoSchool refused;

	@BeforeAll
	void aPeriodWithALateDistrict() throws Exception {
		FileSystemUtils.deleteRecursively(ROOT);
		Path inbox = ROOT.resolve("input");
		Instant t = Instant.parse("2024-01-01T00:00:00Z");
		Workbooks.write(inbox, "ref/区县.xlsx", ReferenceWorkbooks.districts(Roster.DISTRICTS), t);
		Workbooks.write(inbox, "ref/学校名录.xlsx", ReferenceWorkbooks.registry(SCHOOLS, List.of()), t);
		List<DemoSchool> qingyuan = SCHOOLS.stream()
			.filter(s -> s.profile().district().value().equals("990102"))
			.toList();
		missing = qingyuan.get(0);
		refused = qingyuan.get(1);
		int minute = 1;
		for (DemoSchool school : SCHOOLS) {
			if (school != missing && school != refused) {
				Workbooks.write(inbox, "2023H1/" + school.profile().id() + ".xlsx",
						Workbooks.submission(school, H1).bytes(), t.plusSeconds(60L * minute++));
			}
		}
		var figures = Workbooks.figures(refused, H1);
		figures.conditions.put("图书", -5.0);
		Workbooks.write(inbox, "2023H1/有错.xlsx", SubmissionWorkbook.of(refused, H1, figures).bytes(),
				t.plusSeconds(3600));
		// 清源区 (990102) was due yesterday; 明湖区 (990103) and the rest have a month more
		deadlines.set("2023H1", null, LocalDate.now().plusDays(30), null, "city", null);
		deadlines.set("2023H1", "990102", LocalDate.now().minusDays(1), LocalDate.now().plusDays(10), "city", null);
		// 明湖区 reported in time, but its own 审核 was due yesterday and it has passed none
		// of its schools
		deadlines.set("2023H1", "990103", LocalDate.now().plusDays(30), LocalDate.now().minusDays(1), "city", null);
		importCommand.run(new PrintStream(OutputStream.nullOutputStream()));
		users.createSchool(refused.profile().id().value(), "first-password", "990102", refused.profile().id().value());
		users.setEmail(refused.profile().id().value(), "school@schools.example");
		users.create("qy-stat", "qy-stat-2023", Role.STATISTICIAN, "990102");
		users.setEmail("qy-stat", "qingyuan@bureau.example");
		users.create("mh-stat", "mh-stat-2023", Role.STATISTICIAN, "990103");
		users.setEmail("mh-stat", "minghu@bureau.example");
		users.create("city-stat", "city-stat-2023", Role.STATISTICIAN, null);
		users.setEmail("city-stat", "city@bureau.example");
		users.create("no-mail", "no-mail-2023", Role.STATISTICIAN, "990102");
	}

	@Test
	void lateSchoolsAreChasedOnceADayAndTimelinessIsRight() throws Exception {
		Map<String, Deadlines.Timeliness> byDistrict = deadlines.timeliness(H1)
			.stream()
			.collect(Collectors.toMap(Deadlines.Timeliness::district, x -> x));
		Deadlines.Timeliness qingyuan = byDistrict.get("990102");
		Deadlines.Timeliness minghu = byDistrict.get("990103");
		// loaded today, after 清源区's deadline of yesterday: late; 明湖区's a month ahead: on
		// time
		assertThat(List.of(qingyuan.expected(), qingyuan.reported(), qingyuan.onTime(), qingyuan.late(),
				qingyuan.missing(), qingyuan.toFix()))
			.containsExactly(2, 0, 0, 0, 2, 1);
		assertThat(List.of(minghu.expected(), minghu.reported(), minghu.onTime(), minghu.late())).containsExactly(2, 2,
				2, 0);
		assertThat(minghu.timelinessRate()).isEqualByComparingTo("100.0");
		assertThat(qingyuan.timelinessRate()).isEqualByComparingTo("0.0");

		// the report's 数据质量 says the same, beside 报送率
		try (Workbook wb = WorkbookFactory
			.create(new ByteArrayInputStream(Files.readAllBytes(ROOT.resolve("output/2023H1 半年报.xlsx"))))) {
			var sheet = wb.getSheet("数据质量");
			assertThat(Arrays.asList(sheet.getRow(2).getCell(7).getStringCellValue(),
					sheet.getRow(2).getCell(8).getStringCellValue()))
				.containsExactly("按时报送", "及时率");
			Row mh = null;
			for (Row row : sheet) {
				if (row.getCell(0) != null && row.getCell(0).toString().equals("990103")) {
					mh = row;
				}
			}
			assertThat(mh.getCell(7).getNumericCellValue()).isEqualTo(2.0);
			assertThat(mh.getCell(8).getNumericCellValue()).isEqualTo(1.0);
		}

		// the 催报 list and its workbook: each school with its telephone from 学校名录, none
		// from a workbook
		assertThat(deadlines.chase(H1, "990102")).extracting(Deadlines.Chase::schoolId, Deadlines.Chase::contact)
			.containsExactlyInAnyOrder(tuple(missing.profile().id().value(), ReferenceWorkbooks.officePhone(missing)),
					tuple(refused.profile().id().value(), ReferenceWorkbooks.officePhone(refused)));
		try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(deadlines.chaseWorkbook(H1, "990102")))) {
			var sheet = wb.getSheet("催报");
			assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("学校电话（学校名录）");
			List<String> phones = new ArrayList<>();
			for (int r = 3; r <= sheet.getLastRowNum(); r++) {
				phones.add(sheet.getRow(r).getCell(1).getStringCellValue() + " "
						+ sheet.getRow(r).getCell(3).getStringCellValue());
			}
			assertThat(phones).containsExactlyInAnyOrder(
					missing.profile().id() + " " + ReferenceWorkbooks.officePhone(missing),
					refused.profile().id() + " " + ReferenceWorkbooks.officePhone(refused));
		}

		assertThat(notices.sendDigests()).isEqualTo(3);
		MimeMessage[] sent = SMTP.getReceivedMessages();
		assertThat(sent).hasSize(3);
		List<DemoSchool> minghuSchools = SCHOOLS.stream()
			.filter(s -> s.profile().district().value().equals("990103"))
			.toList();
		assertThat(text(sent, "minghu@bureau.example"))
			.contains("2023H1 区县审核截止" + LocalDate.now().minusDays(1) + "已过，" + minghuSchools.size() + "所学校的报表待审核：")
			.contains(minghuSchools.stream()
				.map(s -> s.profile().name() + "（" + s.profile().id() + "）")
				.toArray(String[]::new))
			.doesNotContain("报送截止");
		String toDistrict = text(sent, "qingyuan@bureau.example");
		assertThat(toDistrict).contains("2023H1 报送截止" + LocalDate.now().minusDays(1) + "已过，2所学校未报送或待更正：")
			.contains(missing.profile().name() + "（" + missing.profile().id() + "）：未报送（学校电话 "
					+ ReferenceWorkbooks.officePhone(missing) + "）")
			.contains(refused.profile().name() + "（" + refused.profile().id() + "）：报表被退回，待更正后重新报送（学校电话 "
					+ ReferenceWorkbooks.officePhone(refused) + "）");
		String toSchool = text(sent, "school@schools.example");
		assertThat(toSchool).contains("2023H1 的文件「有错.xlsx」已退回：「办学条件」表「图书」的「值」为负数(-5)");
		assertThat(sent).allSatisfy(m -> assertThat(m.getFrom()[0].toString()).isEqualTo("edustat@bureau.example"));
		assertThat(toDistrict + toSchool).doesNotContain("填报人", "联系电话");

		// one digest a day: nothing more today, whatever is called
		assertThat(notices.sendDigests()).isZero();
		assertThat(SMTP.getReceivedMessages()).hasSize(3);
		assertThat(jdbc.sql("select count(*) from audit_event where act = 'NOTICE_SENT'").query(Integer.class).single())
			.isEqualTo(3);
	}

	private static String text(MimeMessage[] messages, String to) throws Exception {
		for (MimeMessage m : messages) {
			if (m.getAllRecipients()[0].toString().equals(to)) {
				return GreenMailUtil.getBody(m).isEmpty() ? "" : m.getContent().toString();
			}
		}
		throw new AssertionError("no message to " + to);
	}

}

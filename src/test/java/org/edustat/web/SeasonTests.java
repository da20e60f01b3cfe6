package org.edustat.web;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.edustat.cli.ImportCommand;
import org.edustat.core.Period;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Roster;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.testing.Workbooks;
import org.edustat.users.Role;
import org.edustat.users.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A season played in headless Chromium on the demo's schools: a 区县 审核员 returns one school
 * with a reason and passes the others; the 区县 cannot pass itself up while the school is
 * returned; the school's corrected file resets its path; the 区县 passes up; the city
 * passes the 区县 and locks the period; an upload and an inbox file for the locked period
 * are refused with the lock's reason; the reports say 正式 for it and 初步 for an open one;
 * the city unlocks with a reason; the audit trail lists every act with its actor. A 区县
 * 审核员 cannot act on another 区县 nor lock. Run on H2 and on PostgreSQL by its subclasses.
 */
abstract class SeasonTests {

	static final List<DemoSchool> SCHOOLS = Roster.schools(18, Workbooks.SEED);

	static final Period H1 = Period.parse("2023H1");

	@LocalServerPort
	int port;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportCommand importCommand;

	WebDriver browser;

	abstract Path root();

	List<DemoSchool> qingyuan() {
		return SCHOOLS.stream().filter(s -> s.profile().district().value().equals("990102")).toList();
	}

	@BeforeAll
	void loadTheDemoAndStartChromium() throws Exception {
		Path inbox = root().resolve("input");
		FileSystemUtils.deleteRecursively(root());
		Workbooks.city(inbox, SCHOOLS, List.of(Period.parse("2022H1"), H1));
		run();
		users.create("season-city", "season-city-2023", Role.STATISTICIAN, null);
		users.create("season-qy", "season-qy-2023", Role.STATISTICIAN, "990102");
		users.create("season-mh", "season-mh-2023", Role.STATISTICIAN, "990103");
		users.create("season-admin", "season-admin-2023", Role.ADMIN, null);
		browser = Chromium.start();
	}

	@AfterAll
	void stopChromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	static boolean chromiumInstalled() {
		return Chromium.installed();
	}

	@Test
	void aSeasonFromTheSchoolsToTheLockAndBack() throws Exception {
		DemoSchool returned = qingyuan().get(0);
		String a = returned.profile().id().value();
		login("season-qy", "season-qy-2023");
		open("/season?period=2023H1");
		assertThat(state(a)).isEqualTo("已报送");
		assertThat(browser.findElements(By.cssSelector("#schools tr[id^=school-]"))).hasSize(3);
		assertThat(browser.findElements(By.id("districts"))).as("a 区县 审核员 sees no city board").isEmpty();

		act(a, "return", "学生数与上年差异过大，请核实后重新报送");
		assertThat(message()).isEqualTo("已退回：" + a + "（学生数与上年差异过大，请核实后重新报送）");
		assertThat(state(a)).isEqualTo("已退回学校");
		assertThat(browser.findElement(By.id("school-" + a)).getText()).contains("学生数与上年差异过大", "season-qy");
		for (DemoSchool other : qingyuan().subList(1, 3)) {
			act(other.profile().id().value(), "pass", null);
			assertThat(state(other.profile().id().value())).isEqualTo("区县已审核");
		}
		submit(browser.findElement(By.id("submit-district")));
		assertThat(message()).isEqualTo("未执行：还有1所学校的报表待审核或已退回待更正，不能上报");

		// the school sends a corrected file: its path starts again at 已报送
		var corrected = Workbooks.figures(returned, H1);
		double books = corrected.conditions.get("图书");
		corrected.conditions.put("图书", books + 1);
		Workbooks.write(root().resolve("input"), "2023H1/更正.xlsx",
				SubmissionWorkbook.of(returned, H1, corrected).bytes(), Instant.now());
		run();
		open("/season?period=2023H1");
		assertThat(state(a)).isEqualTo("已报送");
		// the school's page says what the correction changed, cell by cell
		submit(browser.findElement(By.linkText(returned.profile().name())));
		WebElement revision = browser.findElement(By.cssSelector("section.revision"));
		assertThat(revision.findElement(By.tagName("p")).getText()).endsWith("」，变动1处");
		List<String> change = revision.findElements(By.cssSelector("tr td")).stream().map(WebElement::getText).toList();
		assertThat(change).contains("图书")
			.contains(new BigDecimal(books).stripTrailingZeros().toPlainString(),
					new BigDecimal(books + 1).stripTrailingZeros().toPlainString());
		// and which submission the period's report, written again by that run, used: the
		// correction
		long correction = jdbc.sql("select id from inbox_file where received_path = '2023H1/更正.xlsx'")
			.query(Long.class)
			.single();
		assertThat(browser.findElement(By.cssSelector("#period-2023H1 .report-source")).getText())
			.startsWith("文件#" + correction + "（报表生成于");
		assertThat(jdbc.sql("select file_id from report_source where period = '2023H1' and school_id = ?")
			.param(a)
			.query(Long.class)
			.single()).isEqualTo(correction);
		open("/season?period=2023H1");
		act(a, "pass", null);
		submit(browser.findElement(By.id("submit-district")));
		assertThat(message()).isEqualTo("区县990102已上报");

		// a 区县 审核员 acts on no other 区县, and neither locks nor passes a 区县
		String other = SCHOOLS.stream()
			.filter(s -> s.profile().district().value().equals("990103"))
			.findFirst()
			.orElseThrow()
			.profile()
			.id()
			.value();
		assertThat(post("/season/schools/" + other + "/pass", "period=2023H1")).isEqualTo(302);
		open("/season?period=2023H1");
		assertThat(jdbc.sql("select count(*) from school_review where school_id = ?")
			.param(other)
			.query(Integer.class)
			.single()).isZero();
		assertThat(post("/season/lock", "period=2023H1&reason=x")).isEqualTo(403);
		assertThat(post("/season/districts/990102/pass", "period=2023H1")).isEqualTo(403);

		login("season-city", "season-city-2023");
		open("/season?period=2023H1");
		assertThat(browser.findElement(By.cssSelector("#district-990102 .state")).getText()).isEqualTo("已上报");
		submit(browser.findElement(By.cssSelector("#district-990102 form[action$='/pass'] button")));
		assertThat(message()).isEqualTo("区县990102市审核通过");
		assertThat(browser.findElement(By.cssSelector("#district-990102 .state")).getText()).isEqualTo("市已审核");
		open("/season?period=2023H1&district=990102");
		assertThat(state(a)).isEqualTo("市已审核");
		lock("2023年上半年数据已定稿");
		assertThat(message()).isEqualTo("统计期2023H1已锁定");
		assertThat(browser.findElement(By.id("lock")).getText()).isEqualTo("统计期已锁定（正式）：2023年上半年数据已定稿（season-city）");

		// nothing changes a locked period: an upload and a file in the inbox are refused
		// with the lock's reason, kept
		login("season-qy", "season-qy-2023");
		Path late = Files.createTempDirectory("season-upload").resolve("迟交.xlsx");
		Files.write(late, Workbooks.submission(qingyuan().get(1), H1).tamper(wb -> retitled(wb, "迟交")).bytes());
		open("/upload");
		browser.findElement(By.id("file")).sendKeys(late.toString());
		browser.findElement(By.id("submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("result")).isEmpty());
		String result = browser.findElement(By.id("result")).getText();
		assertThat(result).contains("审核结论：退回，不能入库").contains("统计期2023H1已锁定（2023年上半年数据已定稿），数据不再更改；如需更正，请联系市教育局统计人员解锁");
		Workbooks.write(root().resolve("input"), "2023H1/锁定后.xlsx",
				Workbooks.submission(qingyuan().get(2), H1).tamper(wb -> retitled(wb, "锁定后")).bytes(), Instant.now());
		run();
		assertThat(jdbc.sql("select status, reason from inbox_file where received_path = '2023H1/锁定后.xlsx'")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.single()).isEqualTo("已退回 统计期2023H1已锁定（2023年上半年数据已定稿），数据不再更改；如需更正，请联系市教育局统计人员解锁");
		assertThat(title("2023H1 半年报.xlsx")).endsWith("教育统计半年报（正式）");
		assertThat(title("2022H1 半年报.xlsx")).endsWith("教育统计半年报（初步）");
		assertThat(note("2023H1 半年报.xlsx")).startsWith("数据状态：正式（统计期已锁定）；已入库学校18所，其中3所的数据已通过审核。");

		login("season-city", "season-city-2023");
		open("/season?period=2023H1");
		lock("更正一所学校的数据");
		assertThat(message()).isEqualTo("统计期2023H1已解锁");
		assertThat(browser.findElement(By.id("lock")).getText()).isEqualTo("统计期未锁定（初步）。");

		open("/audit?period=2023H1");
		List<String> acts = browser.findElements(By.cssSelector("#events tr"))
			.stream()
			.skip(1)
			.map(row -> row.findElements(By.tagName("td")))
			.map(cells -> cells.get(1).getText() + " " + cells.get(3).getText() + " " + cells.get(7).getText())
			.toList();
		assertThat(acts).containsSubsequence("season-city 解锁 更正一所学校的数据", "season-qy 上传 迟交.xlsx：退回",
				"season-city 锁定 2023年上半年数据已定稿", "season-city 市审核通过 ", "season-qy 区县上报 ",
				"season-qy 退回 " + returned.profile().name() + "：学生数与上年差异过大，请核实后重新报送");
		assertThat(acts.stream().filter(s -> s.startsWith("season-qy 审核通过 ")).count()).isEqualTo(3);
		open("/audit?act=LOGIN");
		assertThat(browser.findElement(By.id("events")).getText()).contains("season-qy", "season-city");
	}

	/**
	 * School accounts: made from 学校名录 with first passwords in one workbook per 区县,
	 * changed at the first login; a school uploads, reads its verdict, its 回执 and the
	 * reason its 区县 returned it, and nothing of another school — every school page and
	 * every 回执 of the ledger walked by id.
	 */
	@Test
	void schoolsSendAndReadTheirOwnAndNothingElse() throws Exception {
		login("season-admin", "season-admin-2023");
		open("/users");
		HttpResponse<byte[]> made = postBytes("/users/schools", "", By.cssSelector("#make-schools input[name=_csrf]"));
		assertThat(made.statusCode()).isEqualTo(200);
		Map<String, List<List<String>>> sheets = new TreeMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(made.body()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(zip.readAllBytes()))) {
					List<List<String>> rows = new ArrayList<>();
					for (Row row : wb.getSheetAt(0)) {
						if (row.getRowNum() >= 3) {
							rows.add(List.of(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue(),
									row.getCell(2).getStringCellValue(), row.getCell(3).getStringCellValue()));
						}
					}
					sheets.put(entry.getName(), rows);
				}
			}
		}
		assertThat(sheets.keySet()).containsExactly("学校账号_990102.xlsx", "学校账号_990103.xlsx", "学校账号_990104.xlsx",
				"学校账号_990105.xlsx", "学校账号_990121.xlsx", "学校账号_990122.xlsx");
		assertThat(sheets.values()).allSatisfy(rows -> assertThat(rows).hasSize(3));
		DemoSchool mine = SCHOOLS.stream()
			.filter(s -> s.profile().district().value().equals("990103"))
			.findFirst()
			.orElseThrow();
		String me = mine.profile().id().value();
		List<String> line = sheets.get("学校账号_990103.xlsx")
			.stream()
			.filter(r -> r.get(0).equals(me))
			.findFirst()
			.orElseThrow();
		assertThat(line.subList(0, 3)).containsExactly(me, mine.profile().name(), me);
		assertThat(jdbc.sql("select count(*) from app_user where password_hash like ?")
			.param("%" + line.get(3) + "%")
			.query(Integer.class)
			.single()).as("only the hash is kept").isZero();
		open("/users");
		assertThat(postBytes("/users/schools", "", By.cssSelector("#make-schools input[name=_csrf]")).statusCode())
			.isEqualTo(303);

		// the first login goes to 修改密码, and nowhere else until the password is changed
		login(me, line.get(3), "/password");
		open("/school");
		assertThat(browser.getCurrentUrl()).endsWith("/password");
		browser.findElement(By.name("current")).sendKeys(line.get(3));
		browser.findElement(By.name("password")).sendKeys("本校的新密码-2023");
		browser.findElement(By.name("again")).sendKeys("本校的新密码-2023");
		submit(browser.findElement(By.id("change")));
		login(me, "本校的新密码-2023");
		assertThat(browser.getCurrentUrl()).endsWith("/school");
		assertThat(browser.findElement(By.id("identity")).getText()).startsWith("学校标识码 " + me + "　区县 990103");

		// an upload with an error: 退回 at once, its 回执 on the school's page; another
		// school's workbook is refused
		var figures = Workbooks.figures(mine, Period.parse("2022H1"));
		figures.conditions.put("图书", -5.0);
		Path wrong = Files.createTempDirectory("school-upload").resolve("本校有错.xlsx");
		Files.write(wrong, SubmissionWorkbook.of(mine, Period.parse("2022H1"), figures).bytes());
		assertThat(upload(wrong)).contains("审核结论：退回，不能入库").contains("「办学条件」表「图书」的「值」为负数(-5)");
		Path others = wrong.resolveSibling("别校.xlsx");
		Files.write(others, Workbooks.submission(qingyuan().get(0), Period.parse("2022H1")).bytes());
		assertThat(upload(others)).contains("已拒收「别校.xlsx」：这份报表的学校标识码为" + qingyuan().get(0).profile().id().value()
				+ "，只能上传本校（" + me + "）的报表，未放入收件箱");
		open("/school");
		WebElement refused = browser.findElements(By.cssSelector("#files tr[id^=file-]")).get(0);
		assertThat(refused.findElement(By.className("status")).getText()).isEqualTo("已退回");
		String receiptUrl = refused.findElement(By.linkText("回执")).getAttribute("href");
		HttpResponse<byte[]> receipt = get(receiptUrl);
		assertThat(receipt.statusCode()).isEqualTo(200);
		try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(receipt.body()))) {
			assertThat(wb.getSheet("审核结果").getRow(3).getCell(0).getStringCellValue()).startsWith("审核结论：退回。");
		}

		// nothing of another school, by any id
		List<Long> own = jdbc.sql("select id from inbox_file where school_id = ?").param(me).query(Long.class).list();
		for (long id : jdbc.sql("select id from inbox_file").query(Long.class).list()) {
			assertThat(get(url("/receipts/" + id)).statusCode()).as("回执 of file #%d", id)
				.isEqualTo(own.contains(id) && jdbc.sql("select receipt_path from inbox_file where id = ?")
					.param(id)
					.query(String.class)
					.list()
					.get(0) != null ? 200 : 404);
		}
		for (DemoSchool school : SCHOOLS) {
			String id = school.profile().id().value();
			assertThat(get(url("/schools/" + id)).statusCode()).as("page of %s", id)
				.isEqualTo(id.equals(me) ? 200 : 404);
		}
		for (String page : List.of("/files", "/season", "/audit", "/reports", "/runs", "/users")) {
			assertThat(get(url(page)).statusCode()).as(page).isEqualTo(403);
		}
		open("/files");
		assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("无权访问");
		open("/schools/" + qingyuan().get(0).profile().id().value());
		assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("页面不存在");

		// a correction whose 校舍建筑面积 grew by half: loaded with a warning (Y01), which the
		// school answers online
		login(me, "本校的新密码-2023");
		var grown = Workbooks.figures(mine, H1);
		grown.conditions.put("校舍建筑面积", grown.conditions.get("校舍建筑面积") * 1.5);
		Path warned = wrong.resolveSibling("本校更正.xlsx");
		Files.write(warned, SubmissionWorkbook.of(mine, H1, grown).bytes());
		assertThat(upload(warned)).contains("已放入收件箱：「本校更正.xlsx」").contains("审核结论：受理（有警告）").contains("Y01");
		run();
		open("/school");
		WebElement warning = browser.findElements(By.cssSelector("#warnings tr[id^=warning-]"))
			.stream()
			.filter(row -> row.getText().contains("Y01"))
			.findFirst()
			.orElseThrow();
		String warningId = warning.getAttribute("id");
		warning.findElement(By.name("explanation")).sendKeys("新建教学楼已于今年投入使用");
		submit(warning.findElement(By.tagName("button")));
		assertThat(message()).isEqualTo("已保存说明");
		assertThat(
				browser.findElement(By.cssSelector("#" + warningId + " input[name=explanation]")).getAttribute("value"))
			.isEqualTo("新建教学楼已于今年投入使用");
		long othersWarning = jdbc
			.sql("select min(f.id) from finding f join inbox_file i on i.id = f.file_id "
					+ "where f.severity = '警告' and i.school_id <> ?")
			.param(me)
			.query(Long.class)
			.optional()
			.orElse(0L);
		assertThat(post("/school/warnings/" + othersWarning, "explanation=x", "/school")).as("another school's warning")
			.isEqualTo(404);

		// its 区县 reads the 说明, and returns its loaded 2022H1 file with a reason: the
		// school reads it on its page
		login("season-mh", "season-mh-2023");
		open("/schools/" + me);
		assertThat(browser.findElement(By.cssSelector("#" + warningId + " .explanation")).getText())
			.isEqualTo("新建教学楼已于今年投入使用");
		open("/season?period=2022H1");
		act(me, "return", "校舍面积与上年不一致，请核实");
		login(me, "本校的新密码-2023");
		assertThat(browser.findElement(By.cssSelector("#period-2022H1 .state")).getText()).isEqualTo("已退回学校");
		assertThat(browser.findElement(By.cssSelector("#period-2022H1 .reason")).getText()).isEqualTo("校舍面积与上年不一致，请核实");
		login("season-admin", "season-admin-2023");
		open("/audit?act=USER_CHANGED");
		assertThat(browser.findElement(By.id("events")).getText()).contains("创建学校账号18个（已有账号的学校0所）", "修改了自己的密码");
		open("/audit?act=EXPLAINED");
		assertThat(browser.findElement(By.id("events")).getText()).contains(me, "说明警告", "新建教学楼已于今年投入使用");
	}

	/**
	 * 总览 for a period: the key indicators as the period's report says them (本期 − 上年同期 =
	 * 增减), a small chart over the periods drawn by the chart library EduStat serves, the
	 * city's total row; and a way down from the city to a 区县, its schools and one
	 * school's page.
	 */
	@Test
	void theDashboardSaysWhatTheReportSaysAndDrillsDownToASchool() throws Exception {
		login("season-city", "season-city-2023");
		open("/?period=2023H1");
		WebElement students = browser.findElement(By.id("figure-students"));
		List<String> cells = students.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
		assertThat(new BigDecimal(cells.get(1)).subtract(new BigDecimal(cells.get(2))))
			.isEqualByComparingTo(cells.get(3));
		try (Workbook wb = WorkbookFactory
			.create(new ByteArrayInputStream(Files.readAllBytes(root().resolve("output/2023H1 半年报.xlsx"))))) {
			for (Row row : wb.getSheet("总览")) {
				if (row.getCell(0) != null && row.getCell(0).toString().equals("在校生数")) {
					assertThat(new BigDecimal(cells.get(1)).doubleValue())
						.isEqualTo(row.getCell(2).getNumericCellValue());
					assertThat(new BigDecimal(cells.get(2)).doubleValue())
						.isEqualTo(row.getCell(3).getNumericCellValue());
				}
			}
		}
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "true"
			.equals(d.findElement(By.cssSelector("#figure-students div.spark")).getAttribute("data-drawn")));
		assertThat(browser.findElements(By.cssSelector("#figure-students div.spark canvas"))).isNotEmpty();
		List<String> total = browser.findElement(By.id("board-total"))
			.findElements(By.tagName("td"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(total.subList(0, 3)).containsExactly("全市合计", "18", "18");
		submit(browser.findElement(By.cssSelector("#board-990102 a")));
		assertThat(browser.getCurrentUrl()).contains("district=990102");
		DemoSchool school = qingyuan().get(2);
		submit(browser.findElement(By.linkText(school.profile().name())));
		assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo(school.profile().name());
		// its key figures over the periods and its place in its 区县, as 学校明细 gives them
		List<String> csv = Files.readAllLines(root().resolve("output/2023H1 半年报_学校明细.csv"), StandardCharsets.UTF_8);
		List<String> header = List.of(csv.get(0).replace("\uFEFF", "").split(","));
		String[] line = csv.stream()
			.filter(l -> l.startsWith(school.profile().id().value() + ","))
			.findFirst()
			.orElseThrow()
			.split(",", -1);
		WebElement newest = browser.findElements(By.cssSelector("#key-figures tr")).get(1);
		assertThat(newest.findElement(By.tagName("td")).getText()).isEqualTo("2023年上半年");
		assertThat(newest.findElement(By.className("rank")).getText()).isEqualTo(line[header.indexOf("区县内位次(在校生数)")]);
	}

	/**
	 * Each role's main page, desktop (1280 × 900) and phone (390 × 844, as a phone lays
	 * it out), saved under target/screenshots for docs/screenshots; on a phone no page is
	 * wider than the screen (tables scroll inside it).
	 */
	@Test
	void screenshotsOfEachRolesMainPageOnADesktopAndAPhone() throws Exception {
		DemoSchool school = SCHOOLS.stream()
			.filter(s -> s.profile().district().value().equals("990104"))
			.findFirst()
			.orElseThrow();
		String id = school.profile().id().value();
		// an account of its own, so that the bulk creation of the other test finds every
		// school without one
		users.createSchool("season-shot-school", "first-password", "990104", id);
		users.changeOwnPassword("season-shot-school", "first-password", "school-2023-pass");
		users.create("season-shot-qy", "season-shot-2023", Role.STATISTICIAN, "990102");
		Path folder = Files.createDirectories(Path.of("target", "screenshots", getClass().getSimpleName()));
		String[][] pages = { { "总览", "season-city", "season-city-2023", "/?period=2023H1" },
				{ "管理员", "season-admin", "season-admin-2023", "/users" },
				{ "市统计员", "season-city", "season-city-2023", "/season?period=2023H1" },
				{ "区县审核员", "season-shot-qy", "season-shot-2023", "/season?period=2023H1" },
				{ "区县总览", "season-shot-qy", "season-shot-2023", "/?period=2023H1" },
				{ "学校", "season-shot-school", "school-2023-pass", "/school" } };
		try {
			for (String[] page : pages) {
				for (boolean phone : new boolean[] { false, true }) {
					browser.manage().window().setSize(phone ? new Dimension(390, 844) : new Dimension(1280, 900));
					login(page[1], page[2]);
					open(page[3]);
					if (phone) {
						Number overflow = (Number) ((JavascriptExecutor) browser)
							.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
						assertThat(overflow.intValue()).as("%s on a phone scrolls sideways", page[0])
							.isLessThanOrEqualTo(0);
					}
					Path shot = folder.resolve(page[0] + (phone ? "-手机" : "-桌面") + ".png");
					Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
					assertThat(Files.size(shot)).isGreaterThan(5_000);
				}
			}
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	private String upload(Path file) {
		open("/upload");
		browser.findElement(By.id("file")).sendKeys(file.toString());
		browser.findElement(By.id("submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("result")).isEmpty());
		return browser.findElement(By.id("result")).getText();
	}

	private HttpResponse<byte[]> get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpResponse<byte[]> postBytes(String path, String form, By csrfField) throws Exception {
		return SeasonPage.postBytes(browser, url(path), form, csrfField);
	}

	private String title(String report) throws Exception {
		try (Workbook wb = WorkbookFactory
			.create(new ByteArrayInputStream(Files.readAllBytes(root().resolve("output").resolve(report))))) {
			return wb.getSheet("总览").getRow(0).getCell(0).getStringCellValue();
		}
	}

	private String note(String report) throws Exception {
		try (Workbook wb = WorkbookFactory
			.create(new ByteArrayInputStream(Files.readAllBytes(root().resolve("output").resolve(report))))) {
			return wb.getSheet("总览").getRow(1).getCell(0).getStringCellValue();
		}
	}

	private void run() throws Exception {
		importCommand.run(new PrintStream(OutputStream.nullOutputStream()));
	}

	/** Other bytes, the same figures: a title in the workbook's properties. */
	private static void retitled(Workbook wb, String title) {
		((XSSFWorkbook) wb).getProperties().getCoreProperties().setTitle(title);
	}

	private void lock(String reason) {
		SeasonPage.lock(browser, reason);
	}

	/**
	 * Clicks a button that posts a form and waits for the page that answers it (the old
	 * one gone).
	 */
	private void submit(WebElement button) {
		Chromium.submit(browser, button);
	}

	private void act(String school, String what, String reason) {
		SeasonPage.act(browser, school, what, reason);
	}

	private String state(String school) {
		return SeasonPage.state(browser, school);
	}

	private String message() {
		return SeasonPage.message(browser);
	}

	private void open(String path) {
		browser.get(url(path));
	}

	private void login(String username, String password) {
		login(username, password, null);
	}

	private void login(String username, String password, String landing) {
		SeasonPage.login(browser, url(""), username, password);
		if (landing != null) {
			assertThat(browser.getCurrentUrl()).endsWith(landing);
		}
	}

	/**
	 * A form post with the browser's session and a CSRF token read from the 审核 page; the
	 * status, redirects not followed.
	 */
	private int post(String path, String form) throws Exception {
		return post(path, form, "/season?period=2023H1");
	}

	/** The same, the CSRF token read from the given page. */
	private int post(String path, String form, String page) throws Exception {
		open(page);
		String csrf = browser.findElement(By.name("_csrf")).getAttribute("value");
		HttpResponse<Void> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + csrf))
				.build(), HttpResponse.BodyHandlers.discarding());
		return response.statusCode();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

}

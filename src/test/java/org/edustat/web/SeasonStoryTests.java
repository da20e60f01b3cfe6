package org.edustat.web;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.cli.ImportCommand;
import org.edustat.core.Period;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Figures;
import org.edustat.demo.Roster;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.testing.Workbooks;
import org.edustat.users.Role;
import org.edustat.users.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One season in a browser, as its people play it: the 管理员 makes the school accounts from
 * 学校名录; three schools of 清源区 upload their own workbooks — one clean, one with a warning
 * they answer with a 说明 online, one with an error they then correct; the 区县 审核员 returns
 * one with a reason and passes the others; that school reads the reason and sends again;
 * the 区县 passes itself up; the city passes it and locks the period; an upload into the
 * locked period is refused; the city unlocks with a reason. Each step checks what the
 * other roles now see; the 操作记录 lists every act with its actor. Run on H2 and on
 * PostgreSQL by its subclasses.
 */
abstract class SeasonStoryTests {

	static final List<DemoSchool> SCHOOLS = Roster.schools(18, Workbooks.SEED);

	static final Period LAST = Period.parse("2022H1");

	static final Period NOW = Period.parse("2023H1");

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
	void loadLastYearAndStartChromium() throws Exception {
		Path inbox = root().resolve("input");
		FileSystemUtils.deleteRecursively(root());
		Workbooks.city(inbox, SCHOOLS, List.of(LAST));
		for (DemoSchool school : SCHOOLS) {
			if (!qingyuan().contains(school)) {
				Workbooks.write(inbox, "2023H1/" + school.profile().id() + ".xlsx",
						Workbooks.submission(school, NOW).bytes(), Instant.parse("2023-07-01T00:00:00Z"));
			}
		}
		run();
		users.create("story-admin", "story-admin-2023", Role.ADMIN, null);
		users.create("story-qy", "story-qy-2023", Role.STATISTICIAN, "990102");
		users.create("story-city", "story-city-2023", Role.STATISTICIAN, null);
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
	void threeSchoolsTheirDistrictAndTheCityThroughOneSeason() throws Exception {
		DemoSchool clean = qingyuan().get(0);
		DemoSchool warned = qingyuan().get(1);
		DemoSchool wrong = qingyuan().get(2);
		Path folder = Files.createTempDirectory("season-story");

		// the 管理员 makes the accounts; 清源区's workbook of first passwords names its three
		// schools
		login("story-admin", "story-admin-2023");
		open("/users");
		Map<String, String> passwords = firstPasswords(
				postBytes("/users/schools", By.cssSelector("#make-schools input[name=_csrf]")), "学校账号_990102.xlsx");
		assertThat(passwords)
			.containsOnlyKeys(qingyuan().stream().map(s -> s.profile().id().value()).toArray(String[]::new));

		// the clean school: first login, its own password, its workbook accepted
		String a = schoolLogin(clean, passwords);
		assertThat(upload(folder.resolve("本校.xlsx"), Workbooks.submission(clean, NOW).bytes()))
			.contains("已放入收件箱：「本校.xlsx」")
			.contains("审核结论：受理");

		// the school with a warning: 校舍建筑面积 half as large again as a year before
		String b = schoolLogin(warned, passwords);
		Figures grown = Workbooks.figures(warned, NOW);
		grown.conditions.put("校舍建筑面积", grown.conditions.get("校舍建筑面积") * 1.5);
		assertThat(upload(folder.resolve("本校有警告.xlsx"), SubmissionWorkbook.of(warned, NOW, grown).bytes()))
			.contains("审核结论：受理（有警告）")
			.contains("Y01");

		// the school with an error: refused at once; it corrects and sends again
		String c = schoolLogin(wrong, passwords);
		Figures negative = Workbooks.figures(wrong, NOW);
		negative.conditions.put("图书", -5.0);
		assertThat(upload(folder.resolve("本校有错.xlsx"), SubmissionWorkbook.of(wrong, NOW, negative).bytes()))
			.contains("审核结论：退回，不能入库")
			.contains("「办学条件」表「图书」的「值」为负数(-5)");
		assertThat(upload(folder.resolve("本校更正.xlsx"), Workbooks.submission(wrong, NOW).bytes())).contains("审核结论：受理");
		run();

		// the warned school answers its warning online
		login(b, "本校密码-" + b);
		open("/school");
		WebElement warning = browser.findElements(By.cssSelector("#warnings tr[id^=warning-]"))
			.stream()
			.filter(row -> row.getText().contains("Y01"))
			.findFirst()
			.orElseThrow();
		warning.findElement(By.name("explanation")).sendKeys("新建教学楼已于今年投入使用");
		submit(warning.findElement(By.tagName("button")));
		assertThat(message()).isEqualTo("已保存说明");

		// the 区县 sees the three as 已报送, the 说明 beside the warning; returns one with a
		// reason, passes the others
		login("story-qy", "story-qy-2023");
		open("/season?period=2023H1");
		for (String school : List.of(a, b, c)) {
			assertThat(state(school)).as(school).isEqualTo("已报送");
		}
		open("/schools/" + b);
		assertThat(browser.findElement(By.cssSelector("#warnings")).getText()).contains("新建教学楼已于今年投入使用");
		open("/season?period=2023H1");
		act(c, "return", "班级数与教师数不相称，请核实");
		assertThat(state(c)).isEqualTo("已退回学校");
		act(a, "pass", null);
		act(b, "pass", null);
		assertThat(state(a)).isEqualTo("区县已审核");
		submit(browser.findElement(By.id("submit-district")));
		assertThat(message()).isEqualTo("未执行：还有1所学校的报表待审核或已退回待更正，不能上报");

		// the returned school reads why, and sends its workbook again
		login(c, "本校密码-" + c);
		open("/school");
		assertThat(browser.findElement(By.cssSelector("#period-2023H1 .state")).getText()).isEqualTo("已退回学校");
		assertThat(browser.findElement(By.cssSelector("#period-2023H1 .reason")).getText()).isEqualTo("班级数与教师数不相称，请核实");
		Figures checked = Workbooks.figures(wrong, NOW);
		checked.conditions.put("图书", checked.conditions.get("图书") + 1);
		assertThat(upload(folder.resolve("本校核实后.xlsx"), SubmissionWorkbook.of(wrong, NOW, checked).bytes()))
			.contains("审核结论：受理");
		run();
		open("/school");
		assertThat(browser.findElement(By.cssSelector("#period-2023H1 .state")).getText()).isEqualTo("已报送");

		// the 区县 passes it and passes itself up; the city sees it, passes it and locks
		login("story-qy", "story-qy-2023");
		open("/season?period=2023H1");
		assertThat(state(c)).isEqualTo("已报送");
		act(c, "pass", null);
		submit(browser.findElement(By.id("submit-district")));
		assertThat(message()).isEqualTo("区县990102已上报");
		login("story-city", "story-city-2023");
		open("/season?period=2023H1");
		assertThat(browser.findElement(By.cssSelector("#district-990102 .state")).getText()).isEqualTo("已上报");
		submit(browser.findElement(By.cssSelector("#district-990102 form[action$='/pass'] button")));
		assertThat(browser.findElement(By.cssSelector("#district-990102 .state")).getText()).isEqualTo("市已审核");
		lock("2023年上半年数据已定稿");
		assertThat(message()).isEqualTo("统计期2023H1已锁定");

		// a school's upload into the locked period is refused with the lock's reason; its
		// page says 市已审核
		login(a, "本校密码-" + a);
		open("/school");
		assertThat(browser.findElement(By.cssSelector("#period-2023H1 .state")).getText()).isEqualTo("市已审核");
		Figures late = Workbooks.figures(clean, NOW);
		late.conditions.put("图书", late.conditions.get("图书") + 2);
		assertThat(upload(folder.resolve("锁定后.xlsx"), SubmissionWorkbook.of(clean, NOW, late).bytes()))
			.contains("审核结论：退回，不能入库")
			.contains("统计期2023H1已锁定（2023年上半年数据已定稿），数据不再更改；如需更正，请联系市教育局统计人员解锁");

		// the city unlocks with a reason; the 操作记录 lists every act with its actor
		login("story-city", "story-city-2023");
		open("/season?period=2023H1");
		lock("一所学校需更正数据");
		assertThat(message()).isEqualTo("统计期2023H1已解锁");
		open("/audit?period=2023H1");
		List<String> acts = browser.findElements(By.cssSelector("#events tr"))
			.stream()
			.skip(1)
			.map(row -> row.findElements(By.tagName("td")))
			.map(cells -> cells.get(1).getText() + " " + cells.get(3).getText() + " " + cells.get(7).getText())
			.toList();
		assertThat(acts).containsSubsequence("story-city 解锁 一所学校需更正数据", a + " 上传 锁定后.xlsx：退回",
				"story-city 锁定 2023年上半年数据已定稿", "story-city 市审核通过 ", "story-qy 区县上报 ", c + " 上传 本校核实后.xlsx：放入收件箱",
				"story-qy 退回 " + wrong.profile().name() + "：班级数与教师数不相称，请核实", c + " 上传 本校更正.xlsx：放入收件箱",
				c + " 上传 本校有错.xlsx：退回", b + " 上传 本校有警告.xlsx：放入收件箱", a + " 上传 本校.xlsx：放入收件箱");
		assertThat(acts.stream().filter(s -> s.startsWith("story-qy 审核通过 ")).count()).isEqualTo(3);
		open("/audit?act=EXPLAINED");
		assertThat(browser.findElement(By.id("events")).getText()).contains(b, "新建教学楼已于今年投入使用");
	}

	/**
	 * Logs a school in with its first password, changes it at once as it must, and
	 * returns its user name.
	 */
	private String schoolLogin(DemoSchool school, Map<String, String> passwords) {
		String id = school.profile().id().value();
		login(id, passwords.get(id));
		assertThat(browser.getCurrentUrl()).endsWith("/password");
		browser.findElement(By.name("current")).sendKeys(passwords.get(id));
		browser.findElement(By.name("password")).sendKeys("本校密码-" + id);
		browser.findElement(By.name("again")).sendKeys("本校密码-" + id);
		submit(browser.findElement(By.id("change")));
		login(id, "本校密码-" + id);
		assertThat(browser.getCurrentUrl()).endsWith("/school");
		return id;
	}

	private static Map<String, String> firstPasswords(HttpResponse<byte[]> zip, String workbook) throws Exception {
		assertThat(zip.statusCode()).isEqualTo(200);
		Map<String, String> passwords = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().equals(workbook)) {
					try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(in.readAllBytes()))) {
						for (Row row : wb.getSheetAt(0)) {
							if (row.getRowNum() >= 3) {
								passwords.put(row.getCell(0).getStringCellValue(), row.getCell(3).getStringCellValue());
							}
						}
					}
				}
			}
		}
		return passwords;
	}

	private String upload(Path file, byte[] bytes) throws Exception {
		Files.write(file, bytes);
		open("/upload");
		browser.findElement(By.id("file")).sendKeys(file.toString());
		browser.findElement(By.id("submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("result")).isEmpty());
		return browser.findElement(By.id("result")).getText();
	}

	private HttpResponse<byte[]> postBytes(String path, By csrfField) throws Exception {
		return SeasonPage.postBytes(browser, url(path), "", csrfField);
	}

	private void run() throws Exception {
		importCommand.run(new PrintStream(OutputStream.nullOutputStream()));
	}

	private void lock(String reason) {
		SeasonPage.lock(browser, reason);
	}

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
		SeasonPage.login(browser, url(""), username, password);
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

}

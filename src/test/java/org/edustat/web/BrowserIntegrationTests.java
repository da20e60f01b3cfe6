package org.edustat.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.core.Period;
import org.edustat.core.SchoolType;
import org.edustat.demo.DemoInbox;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Figures;
import org.edustat.demo.Grade;
import org.edustat.demo.ReferenceWorkbooks;
import org.edustat.demo.Roster;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.testing.Workbooks;
import org.edustat.users.Role;
import org.edustat.users.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in real headless Chromium (Debian's chromium and chromium-driver): log in,
 * upload a workbook and see its findings, launch a run and watch its progress reach 100%
 * through server-sent events, download the report and check its 明细数据 against the
 * database. Saves a screenshot of each page to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIf("chromiumInstalled")
class BrowserIntegrationTests {

	static final Path ROOT = createRoot();

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final DemoSchool SCHOOL = Workbooks.school(SchoolType.NINE_YEAR);

	static final Period H1 = Period.parse("2023H1");

	/** School workbooks in the inbox when the statistician launches the run. */
	static final int RUN_FILES = 2_000;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:browser-tests;DB_CLOSE_DELAY=-1");
		registry.add("edustat.intake.inbox", () -> ROOT.resolve("input").toString());
		registry.add("edustat.intake.archive", () -> ROOT.resolve("archive").toString());
		registry.add("edustat.reports.output", () -> ROOT.resolve("output").toString());
	}

	static boolean chromiumInstalled() {
		return Chromium.installed();
	}

	@LocalServerPort
	int port;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	WebDriver browser;

	@BeforeEach
	void startChromium() throws Exception {
		if (users.find("browser").isEmpty()) {
			users.create("browser", "browser-pass-2023", Role.STATISTICIAN, null);
			users.create("chief", "chief-pass-2023", Role.ADMIN, null);
			users.create("qingyuan", "qingyuan-pass-2023", Role.VIEWER, "990102");
		}
		Instant t = Instant.parse("2024-01-01T00:00:00Z");
		Workbooks.write(ROOT.resolve("input"), "ref/区县.xlsx", ReferenceWorkbooks.districts(Roster.DISTRICTS), t);
		if (!Files.exists(ROOT.resolve("input/2023H1"))) {
			// enough files for the run to last a few of the page's 300 ms updates on a
			// fast machine (300 once were)
			new DemoInbox(ROOT.resolve("input/2023H1"), Workbooks.SEED).writeSubmissions(RUN_FILES, H1);
		}
		Files.createDirectories(SCREENSHOTS);
		browser = Chromium.start();
	}

	@AfterEach
	void stopChromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aStatisticianUploadsLaunchesWatchesAndDownloads() throws Exception {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
		wait.ignoring(StaleElementReferenceException.class);
		browser.get(url("/login"));
		screenshot("01-登录");
		wait.until(d -> d.findElement(By.name("username"))).sendKeys("browser");
		browser.findElement(By.name("password")).sendKeys("browser-pass-2023");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(d -> d.findElement(By.tagName("h2")).getText().equals("总览"));
		screenshot("02-总览");

		Figures figures = Workbooks.figures(SCHOOL, H1);
		long[] first = figures.students.get(Grade.G1);
		first[1] = first[0] * 58;
		Path upload = ROOT.resolve("九年一贯制学校.xlsx");
		Files.write(upload, SubmissionWorkbook.of(SCHOOL, H1, figures).bytes());
		browser.get(url("/upload"));
		wait.until(d -> d.findElement(By.id("file"))).sendKeys(upload.toAbsolutePath().toString());
		browser.findElement(By.id("submit")).click();
		wait.until(d -> d.findElements(By.id("result")).size() == 1);
		String result = browser.findElement(By.id("result")).getText();
		assertThat(result).contains("已放入收件箱").contains("S04").contains("「一年级」平均班额58人,超过55人(大班额)");
		screenshot("03-上传");

		browser.get(url("/runs"));
		wait.until(d -> d.findElement(By.cssSelector("form[action='/runs'] button"))).click();
		wait.until(d -> !d.findElements(By.cssSelector("div[id^=progress-]")).isEmpty());
		String newest = browser.findElements(By.cssSelector("div[id^=progress-]")).get(0).getAttribute("id");
		String run = newest.substring("progress-".length());
		((JavascriptExecutor) browser).executeScript("window.edustatMarker = 'same page';");
		Set<Integer> percents = new TreeSet<>();
		List<String> statuses = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		boolean screenshotWhileRunning = false;
		while (System.nanoTime() < deadline) {
			@SuppressWarnings("unchecked")
			List<Object> seen = (List<Object>) ((JavascriptExecutor) browser)
				.executeScript("var b = document.querySelector('#" + newest
						+ " .progress'); var s = document.getElementById('status-" + run + "');"
						+ " return [b ? b.getAttribute('data-percent') : null, s ? s.textContent : ''];");
			if (seen.get(0) != null) {
				percents.add(Integer.parseInt((String) seen.get(0)));
			}
			String status = ((String) seen.get(1)).strip();
			if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
				statuses.add(status);
			}
			if (!screenshotWhileRunning && percents.stream().anyMatch(p -> p > 0 && p < 100)) {
				screenshot("04-任务-运行中");
				screenshotWhileRunning = true;
			}
			if (status.equals("已完成")) {
				break;
			}
			Thread.sleep(25);
		}
		assertThat(statuses).as("the status cell, as it changed without a reload").containsSubsequence("运行中", "已完成");
		assertThat(percents.stream().filter(p -> p > 0 && p < 100).count())
			.as("distinct progress values strictly between 0%% and 100%%: %s", percents)
			.isGreaterThanOrEqualTo(3);
		assertThat(((JavascriptExecutor) browser).executeScript("return window.edustatMarker;"))
			.as("the page was not reloaded")
			.isEqualTo("same page");
		wait.until(d -> d.findElement(By.id(newest)).getText().contains("进度 100%"));
		assertThat(browser.findElement(By.id(newest)).findElement(By.tagName("progress")).getAttribute("value"))
			.isEqualTo("100");
		assertThat(browser.findElements(By.cssSelector("#actions-" + run + " button"))).as("no stop button once ended")
			.isEmpty();
		screenshot("04-任务");
		browser.get(url("/runs/" + run));
		String runPage = wait.until(d -> d.findElement(By.tagName("main"))).getText();
		assertThat(runPage).contains("运行 #" + run + " 已完成")
			.contains("学校报表")
			.contains("生成报表")
			.contains("2023H1 半年报.xlsx")
			.contains("上传/browser/九年一贯制学校.xlsx");
		screenshot("04-运行详情");
		browser.get(url("/"));
		assertThat(wait.until(d -> d.findElement(By.tagName("main"))).getText()).contains("2023H1").contains("报送率");
		screenshot("02-总览");

		browser.get(url("/reports"));
		wait.until(d -> d.findElement(By.tagName("main")));
		screenshot("05-报表");
		String href = wait.until(d -> d.findElement(By.linkText("2023H1 半年报.xlsx"))).getAttribute("href");
		String cookie = browser.manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", "JSESSIONID=" + cookie).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		BigDecimal students = jdbc
			.sql("select sum(val) from submission_value where period = '2023H1' and sheet = '学生' "
					+ "and row_key = '合计' and column_key = '在校生数'")
			.query(BigDecimal.class)
			.single();
		try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(download.body()))) {
			Row city = null;
			for (Row row : wb.getSheet("明细数据")) {
				if (Roster.CITY.value().equals(row.getCell(0).getStringCellValue())
						&& "students".equals(row.getCell(2).getStringCellValue()) && row.getCell(5) == null) {
					city = row;
				}
			}
			assertThat(city).isNotNull();
			assertThat(city.getCell(7).getNumericCellValue()).isEqualTo(students.doubleValue());
		}

		browser.get(url("/files"));
		wait.until(d -> d.findElement(By.tagName("main")));
		screenshot("06-文件");
		assertThat(browser.getPageSource()).contains("上传/browser/九年一贯制学校.xlsx");

		wait.until(d -> d.findElement(By.cssSelector("nav form button"))).click();
		wait.until(d -> !d.findElements(By.name("username")).isEmpty());
		browser.findElement(By.name("username")).sendKeys("chief");
		browser.findElement(By.name("password")).sendKeys("chief-pass-2023");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(d -> d.findElement(By.tagName("h2")).getText().equals("总览"));
		browser.get(url("/users"));
		assertThat(wait.until(d -> d.findElement(By.tagName("main"))).getText()).contains("管理员")
			.contains("统计员")
			.contains("清源区(990102)")
			.contains("停用")
			.contains("重设密码");
		screenshot("07-用户");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void screenshot(String name) throws Exception {
		Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

	private static Path createRoot() {
		try {
			return Files.createTempDirectory("edustat-browser");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

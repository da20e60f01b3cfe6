package org.edustat.web;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.edustat.cli.ImportCommand;
import org.edustat.core.Period;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Roster;
import org.edustat.testing.Workbooks;
import org.edustat.users.Role;
import org.edustat.users.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the web UI with the demo's schools loaded, visited in headless Chromium
 * as an administrator and as a 区县 user: each answers 200 with its heading, never an error
 * page. Run on H2 and on PostgreSQL by its subclasses, since pages that worked on one
 * database have failed on the other (column names come back upper case from H2, lower
 * case from PostgreSQL).
 */
abstract class EveryPageTests {

	static final List<DemoSchool> SCHOOLS = Roster.schools(3, Workbooks.SEED);

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

	@BeforeAll
	void loadTheDemoAndStartChromium() throws Exception {
		Path inbox = root().resolve("input");
		FileSystemUtils.deleteRecursively(inbox);
		Workbooks.city(inbox, SCHOOLS, List.of(Period.parse("2022H1"), Period.parse("2023H1")));
		Workbooks.write(inbox, "bad.xlsx",
				Workbooks.submission(SCHOOLS.get(1), Period.parse("2023H1"))
					.tamper(wb -> wb.getSheet("学生").getRow(1).getCell(3).setCellValue(100_000))
					.bytes(),
				Instant.parse("2024-01-02T00:00:00Z"));
		importCommand.run(new PrintStream(OutputStream.nullOutputStream()));
		if (users.find("pages-admin").isEmpty()) {
			users.create("pages-admin", "pages-admin-2023", Role.ADMIN, null);
			users.create("pages-district", "pages-district-2023", Role.VIEWER, "990102");
		}
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
	void everyPageAnswersWithItsHeadingForAnAdministratorAndADistrictUser() throws Exception {
		long run = jdbc.sql("select max(job_execution_id) from batch_job_execution").query(Long.class).single();
		List<String> pages = List.of("/", "/runs", "/runs/" + run, "/files", "/files?status=已退回", "/reports", "/upload",
				"/missing?period=2023H1&district=990102", "/season", "/season?period=2023H1&district=990102", "/audit",
				"/audit?act=LOGIN&period=2023H1");
		List<String> failures = new ArrayList<>();
		for (String[] login : new String[][] { { "pages-admin", "pages-admin-2023" },
				{ "pages-district", "pages-district-2023" } }) {
			browser.manage().deleteAllCookies();
			browser.get(url("/login"));
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			wait.until(d -> d.findElement(By.name("username"))).sendKeys(login[0]);
			browser.findElement(By.name("password")).sendKeys(login[1]);
			browser.findElement(By.cssSelector("button[type=submit]")).click();
			// the session changes at login: wait for the page after it, which names the
			// user
			wait.until(d -> !d.findElements(By.cssSelector("span.who")).isEmpty()
					&& d.findElement(By.cssSelector("span.who")).getText().startsWith(login[0]));
			Cookie session = browser.manage().getCookieNamed("JSESSIONID");
			List<String> visible = new ArrayList<>(pages);
			if (login[0].equals("pages-admin")) {
				visible.add("/users");
			}
			for (String page : visible) {
				browser.get(url(page));
				String source = browser.getPageSource();
				int status = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create(url(page).replace("已退回", "%E5%B7%B2%E9%80%80%E5%9B%9E")))
						.header("Cookie", "JSESSIONID=" + session.getValue())
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode();
				if (status != 200 || source.contains("Whitelabel")
						|| browser.findElements(By.tagName("h2")).isEmpty()) {
					failures.add(login[0] + " " + page + ": " + status);
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

}

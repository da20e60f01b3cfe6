package org.edustat.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The season's pages as its browser tests drive them: the login, a school's line on the
 * 审核 page and its acts, the lock, the page's message, and a form posted with the
 * browser's session.
 */
final class SeasonPage {

	private SeasonPage() {
	}

	/**
	 * Logs in afresh (the cookies of the last user gone) and waits for the user's name.
	 */
	static void login(WebDriver browser, String base, String username, String password) {
		browser.manage().deleteAllCookies();
		browser.get(base + "/login");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(d -> d.findElement(By.name("username"))).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(d -> !d.findElements(By.cssSelector("span.who")).isEmpty()
				&& d.findElement(By.cssSelector("span.who")).getText().startsWith(username));
	}

	/**
	 * Posts a school's act (pass, return …) from its line on the 审核 page, with a reason
	 * if given.
	 */
	static void act(WebDriver browser, String school, String what, String reason) {
		WebElement form = browser.findElement(By.cssSelector("#school-" + school + " form[action$='/" + what + "']"));
		if (reason != null) {
			form.findElement(By.name("reason")).sendKeys(reason);
		}
		Chromium.submit(browser, form.findElement(By.tagName("button")));
	}

	/** A school's state on the 审核 page. */
	static String state(WebDriver browser, String school) {
		return browser.findElement(By.cssSelector("#school-" + school + " .state")).getText();
	}

	/** The page's message, once it is there. */
	static String message(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("message"))).getText();
	}

	/** Locks the period shown, with a reason. */
	static void lock(WebDriver browser, String reason) {
		WebElement form = browser.findElement(By.id("lock-form"));
		form.findElement(By.name("reason")).sendKeys(reason);
		Chromium.submit(browser, form.findElement(By.tagName("button")));
	}

	/**
	 * Posts a form with the browser's session and the CSRF token of the page's field; the
	 * answer's bytes.
	 */
	static HttpResponse<byte[]> postBytes(WebDriver browser, String url, String form, By csrfField) throws Exception {
		String csrf = browser.findElement(csrfField).getAttribute("value");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString((form.isEmpty() ? "" : form + "&") + "_csrf=" + csrf))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}

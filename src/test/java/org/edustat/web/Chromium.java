package org.edustat.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium and its driver, as the browser tests drive them. */
final class Chromium {

	private Chromium() {
	}

	static boolean installed() {
		return Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
	}

	static WebDriver start() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN");
		return new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
					.usingAnyFreePort()
					.build(),
				options);
	}

	/**
	 * Clicks a button that posts a form and waits until the page that held it is gone.
	 * While the browser swaps pages, asking about the old button may answer «stale» or,
	 * in Chromium, «node does not belong to the document»: both mean the old page is
	 * gone.
	 */
	static void submit(WebDriver browser, WebElement button) {
		button.click();
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
			try {
				button.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

}

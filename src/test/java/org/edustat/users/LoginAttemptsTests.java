package org.edustat.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.edustat.core.LogText;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock after repeated wrong passwords: ten within a minute lock the name for five
 * minutes, then it opens.
 */
class LoginAttemptsTests {

	private Instant now = Instant.parse("2023-07-01T08:00:00Z");

	private final LoginAttempts attempts = new LoginAttempts(new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	});

	@Test
	void tenFailuresInAMinuteLockForFiveMinutes() {
		fail("zhao", 9);
		assertThat(attempts.locked("zhao")).isFalse();
		fail("zhao", 1);
		assertThat(attempts.locked("zhao")).isTrue();
		assertThat(attempts.locked("wang")).isFalse();
		now = now.plus(Duration.ofMinutes(5)).plusSeconds(1);
		assertThat(attempts.locked("zhao")).isFalse();
	}

	@Test
	void failuresSpreadOverMoreThanAMinuteDoNotLock() {
		for (int i = 0; i < 12; i++) {
			fail("li", 1);
			now = now.plusSeconds(7);
		}
		assertThat(attempts.locked("li")).isFalse();
	}

	@Test
	void aFloodOfLongDistinctUsernamesKeepsABoundedMemory() {
		String padding = "x".repeat(100_000);
		for (int i = 0; i < 3 * LoginAttempts.MAX_NAMES; i++) {
			fail(i + padding, 1);
		}
		assertThat(attempts.followed()).isLessThanOrEqualTo(2 * LoginAttempts.MAX_NAMES);
		fail("zhao" + padding, 10);
		assertThat(attempts.locked("zhao" + padding)).as("a long name is still locked by its key").isTrue();
		assertThat(LoginAttempts.key("zhao" + padding)).hasSizeLessThan(LoginAttempts.KEY_LENGTH + 20);
		assertThat(LogText.of("a\n2026-12-06 INFO forged")).doesNotContain("\n").contains("\\u000a");
	}

	private void fail(String username, int times) {
		for (int i = 0; i < times; i++) {
			attempts.failed(new AuthenticationFailureBadCredentialsEvent(
					new UsernamePasswordAuthenticationToken(username, "wrong"), new BadCredentialsException("bad")));
		}
	}

}

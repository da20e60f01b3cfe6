package org.edustat.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.edustat.core.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * Slows password guessing: after 10 wrong passwords for one username within a minute,
 * that username is locked for 5 minutes — even the right password is refused meanwhile.
 * Kept in memory: a restart unlocks. What it keeps is bounded whatever is sent: a
 * username is kept as at most {@link #KEY_LENGTH} characters (no account has a longer
 * one), and at most {@link #MAX_NAMES} names are followed, the stale ones dropped first.
 */
public class LoginAttempts {

	static final int MAX_FAILURES = 10;

	static final Duration WINDOW = Duration.ofMinutes(1);

	static final Duration LOCK = Duration.ofMinutes(5);

	/**
	 * The longest username kept; a longer one is kept by its first characters and its
	 * length.
	 */
	static final int KEY_LENGTH = 64;

	/** How many usernames are followed at once. */
	static final int MAX_NAMES = 10_000;

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	private final Clock clock;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

	public LoginAttempts(Clock clock) {
		this.clock = clock;
	}

	public boolean locked(String username) {
		Instant until = lockedUntil.get(key(username));
		return until != null && clock.instant().isBefore(until);
	}

	@EventListener
	public void failed(AuthenticationFailureBadCredentialsEvent event) {
		String username = key(String.valueOf(event.getAuthentication().getName()));
		Instant now = clock.instant();
		if (failures.size() >= MAX_NAMES || lockedUntil.size() >= MAX_NAMES) {
			forgetStale(now);
		}
		Deque<Instant> recent = failures.computeIfAbsent(username, k -> new ArrayDeque<>());
		synchronized (recent) {
			recent.addLast(now);
			while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
				recent.removeFirst();
			}
			if (recent.size() >= MAX_FAILURES) {
				lockedUntil.put(username, now.plus(LOCK));
				recent.clear();
				log.warn("用户 {} 一分钟内密码错误{}次,锁定{}分钟 (login locked after repeated failures)", LogText.of(username),
						MAX_FAILURES, LOCK.toMinutes());
			}
		}
	}

	@EventListener
	public void succeeded(AuthenticationSuccessEvent event) {
		failures.remove(key(event.getAuthentication().getName()));
	}

	/** How many usernames are followed now (failures or locks). */
	int followed() {
		return failures.size() + lockedUntil.size();
	}

	/**
	 * Drops the failures older than the window and the locks that ended; if still full,
	 * every failure (not the locks).
	 */
	private void forgetStale(Instant now) {
		failures.entrySet().removeIf(e -> {
			synchronized (e.getValue()) {
				return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(WINDOW));
			}
		});
		lockedUntil.values().removeIf(until -> !now.isBefore(until));
		if (failures.size() >= MAX_NAMES) {
			failures.clear();
		}
		if (lockedUntil.size() >= MAX_NAMES) {
			lockedUntil.clear();
		}
	}

	static String key(String username) {
		return username.length() <= KEY_LENGTH ? username
				: username.substring(0, KEY_LENGTH) + "…(" + username.length() + ")";
	}

}

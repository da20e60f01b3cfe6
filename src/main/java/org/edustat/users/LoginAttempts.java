package org.edustat.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * Slows password guessing: after 10 wrong passwords for one username within a minute, that username is locked for
 * 5 minutes — even the right password is refused meanwhile. Kept in memory: a restart unlocks.
 */
public class LoginAttempts {

	static final int MAX_FAILURES = 10;

	static final Duration WINDOW = Duration.ofMinutes(1);

	static final Duration LOCK = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	private final Clock clock;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

	public LoginAttempts(Clock clock) {
		this.clock = clock;
	}

	public boolean locked(String username) {
		Instant until = lockedUntil.get(username);
		return until != null && clock.instant().isBefore(until);
	}

	@EventListener
	public void failed(AuthenticationFailureBadCredentialsEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		Instant now = clock.instant();
		Deque<Instant> recent = failures.computeIfAbsent(username, k -> new ArrayDeque<>());
		synchronized (recent) {
			recent.addLast(now);
			while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
				recent.removeFirst();
			}
			if (recent.size() >= MAX_FAILURES) {
				lockedUntil.put(username, now.plus(LOCK));
				recent.clear();
				log.warn("用户 {} 一分钟内密码错误{}次,锁定{}分钟 (login locked after repeated failures)", username, MAX_FAILURES,
						LOCK.toMinutes());
			}
		}
	}

	@EventListener
	public void succeeded(AuthenticationSuccessEvent event) {
		failures.remove(event.getAuthentication().getName());
	}
}

package org.edustat.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * One import at a time on a database, whichever process starts it: the import from the
 * command line takes this lock (a row that only one process can insert) before it
 * recovers or launches anything, beats while it runs and lets go at the end. A second
 * import started meanwhile is told who holds it and exits, touching nothing — it never
 * takes the first for a killed run. A holder that stopped beating for a minute, or whose
 * process is gone from this host, was killed: its hold is taken over.
 */
@Component
public class ImportLock {

	static final Duration BEAT = Duration.ofSeconds(15);

	static final Duration STALE = Duration.ofMinutes(1);

	private static final String HOST = hostName();

	private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private final JdbcClient jdbc;

	private @Nullable ThreadPoolTaskScheduler beating;

	private @Nullable ScheduledFuture<?> beat;

	ImportLock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the lock for this process.
	 * @return empty when taken; else who holds it, as a person reads it (进程 1234,主机 …,开始于
	 * …)
	 */
	public synchronized Optional<String> acquire() {
		for (int attempt = 0; attempt < 3; attempt++) {
			Timestamp now = Timestamp.from(Instant.now());
			try {
				jdbc.sql("insert into import_lock (id, pid, host, started_at, heartbeat_at) values (1, ?, ?, ?, ?)")
					.params(ProcessHandle.current().pid(), HOST, now, now)
					.update();
				startBeating();
				return Optional.empty();
			}
			catch (DataIntegrityViolationException held) {
				Optional<Holder> holder = holder();
				if (holder.isEmpty()) {
					continue;
				}
				if (holder.get().alive()) {
					return Optional.of(holder.get().toString());
				}
				jdbc.sql("delete from import_lock where pid = ? and host = ?")
					.params(holder.get().pid(), holder.get().host())
					.update();
			}
		}
		return holder().map(Holder::toString);
	}

	/** Lets go of the lock, if this process holds it. */
	public synchronized void release() {
		if (beat != null) {
			beat.cancel(false);
			Objects.requireNonNull(beating).shutdown();
			beat = null;
		}
		jdbc.sql("delete from import_lock where pid = ? and host = ?")
			.params(ProcessHandle.current().pid(), HOST)
			.update();
	}

	private void startBeating() {
		beating = new ThreadPoolTaskScheduler();
		beating.setThreadNamePrefix("import-lock-");
		beating.setDaemon(true);
		beating.initialize();
		beat = beating
			.scheduleWithFixedDelay(() -> jdbc.sql("update import_lock set heartbeat_at = ? where pid = ? and host = ?")
				.params(Timestamp.from(Instant.now()), ProcessHandle.current().pid(), HOST)
				.update(), BEAT);
	}

	private Optional<Holder> holder() {
		return jdbc.sql("select pid, host, started_at, heartbeat_at from import_lock where id = 1")
			.query((rs, n) -> new Holder(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	/** Who holds the lock. */
	record Holder(long pid, String host, Instant started, Instant heartbeat) {

		boolean alive() {
			if (heartbeat.isBefore(Instant.now().minus(STALE))) {
				return false;
			}
			return !HOST.equals(host) || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		}

		@Override
		public String toString() {
			return "进程 " + pid + ",主机 " + host + ",开始于 " + SECOND.format(started);
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}

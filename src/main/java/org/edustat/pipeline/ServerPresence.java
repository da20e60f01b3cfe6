package org.edustat.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a server (serve) is using this database: it announces itself at start, beats
 * every 15 seconds and withdraws at shutdown; a beat older than a minute is a server that
 * was killed. The command line's import asks before it runs.
 */
@Component
public class ServerPresence {

	static final Duration BEAT = Duration.ofSeconds(15);

	static final Duration STALE = Duration.ofMinutes(1);

	private static final String HOST = hostName();

	private final JdbcClient jdbc;

	ServerPresence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void announce(String url) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("delete from server_presence").update();
		jdbc.sql("insert into server_presence (id, pid, url, started_at, heartbeat_at, host) values (1, ?, ?, ?, ?, ?)")
			.params(ProcessHandle.current().pid(), url, now, now, HOST)
			.update();
	}

	public void beat() {
		jdbc.sql("update server_presence set heartbeat_at = ? where pid = ?")
			.params(Timestamp.from(Instant.now()), ProcessHandle.current().pid())
			.update();
	}

	public void withdraw() {
		jdbc.sql("delete from server_presence where pid = ?").param(ProcessHandle.current().pid()).update();
	}

	/**
	 * The running server other than this process, as "进程 1234,http://…", if one beat
	 * within the last minute and, when it ran on this host, its process is still alive.
	 */
	public Optional<String> other() {
		return jdbc.sql("select pid, url, heartbeat_at, host from server_presence")
			.query((rs, n) -> running(rs.getLong(1), rs.getTimestamp(3).toInstant(), rs.getString(4))
					? "进程 " + rs.getLong(1) + "," + rs.getString(2) : "")
			.list()
			.stream()
			.filter(s -> !s.isEmpty())
			.findFirst();
	}

	private static boolean running(long pid, Instant heartbeat, String host) {
		if (pid == ProcessHandle.current().pid() || heartbeat.isBefore(Instant.now().minus(STALE))) {
			return false;
		}
		return !HOST.equals(host) || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
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

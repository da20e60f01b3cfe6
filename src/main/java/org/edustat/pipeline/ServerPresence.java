package org.edustat.pipeline;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a server (serve) is using this database: it announces itself at start, beats every 15 seconds and withdraws
 * at shutdown; a beat older than a minute is a server that was killed. The command line's import asks before it runs.
 */
@Component
public class ServerPresence {

	static final Duration BEAT = Duration.ofSeconds(15);

	static final Duration STALE = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	ServerPresence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void announce(String url) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("delete from server_presence").update();
		jdbc.sql("insert into server_presence (id, pid, url, started_at, heartbeat_at) values (1, ?, ?, ?, ?)")
			.params(ProcessHandle.current().pid(), url, now, now)
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

	/** The running server other than this process, as "进程 1234,http://…", if one beat within the last minute. */
	public Optional<String> other() {
		return jdbc.sql("select pid, url, heartbeat_at from server_presence")
			.query((rs, n) -> rs.getLong(1) != ProcessHandle.current().pid()
					&& rs.getTimestamp(3).toInstant().isAfter(Instant.now().minus(STALE)) ? "进程 " + rs.getLong(1) + "," + rs.getString(2)
							: null)
			.list().stream().filter(s -> s != null).findFirst();
	}
}

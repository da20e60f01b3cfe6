package org.edustat.pipeline;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's view of a server: one that beats and lives blocks an import; one
 * whose process is gone does not.
 */
@JdbcTest
class ServerPresenceTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLiveServerOnThisHostIsSeenAndADeadOneIsNotEvenWithAFreshBeat() throws Exception {
		ServerPresence presence = new ServerPresence(jdbc);
		Process server = new ProcessBuilder("sleep", "30").start();
		try {
			row(server.pid(), InetAddress.getLocalHost().getHostName());
			assertThat(presence.other()).contains("进程 " + server.pid() + ",http://localhost:8080/");
		}
		finally {
			server.destroy();
			server.waitFor();
		}
		assertThat(presence.other()).as("its process is gone from this host").isEmpty();
	}

	@Test
	void aServerOnAnotherHostIsTrustedWhileItBeats() {
		row(1, "another-host");
		assertThat(new ServerPresence(jdbc).other()).contains("进程 1,http://localhost:8080/");
		jdbc.sql("update server_presence set heartbeat_at = ?")
			.param(Timestamp.from(Instant.now().minusSeconds(120)))
			.update();
		assertThat(new ServerPresence(jdbc).other()).as("no beat for a minute").isEmpty();
	}

	private void row(long pid, String host) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("delete from server_presence").update();
		jdbc.sql("insert into server_presence (id, pid, url, started_at, heartbeat_at, host) values (1, ?, ?, ?, ?, ?)")
			.params(pid, "http://localhost:8080/", now, now, host)
			.update();
	}

}

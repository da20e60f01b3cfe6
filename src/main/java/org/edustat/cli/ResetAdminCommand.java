package org.edustat.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

import org.edustat.season.Act;
import org.edustat.season.AuditTrail;
import org.edustat.users.EdustatUser;
import org.edustat.users.LoginAttempts;
import org.edustat.users.Passwords;
import org.edustat.users.Role;
import org.edustat.users.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.stereotype.Component;

/**
 * Recovers the administrator from the command line (whoever can run the jar on the server
 * can): a new random password for the named 管理员 — created if there is none of that name —
 * enabled again, printed once to the console (never to the log), to be changed at the
 * next login; the act is kept in the audit trail.
 */
@Component
public class ResetAdminCommand {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	public ResetAdminCommand(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * @return 0, or 2 when the named user exists and is not a 管理员
	 */
	public int run(String username, PrintStream out, PrintStream err) {
		Users users = new Users(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				new LoginAttempts(Clock.systemUTC()));
		Optional<EdustatUser> existing = users.find(username);
		if (existing.isPresent() && existing.get().role() != Role.ADMIN) {
			err.println("用户 " + username + " 不是管理员,未修改 (not an administrator; nothing changed)");
			return 2;
		}
		String password = Passwords.random();
		if (existing.isPresent()) {
			users.resetPassword(username, password);
			users.enable(username, true);
		}
		else {
			users.create(username, password, Role.ADMIN, null);
			users.resetPassword(username, password);
		}
		audit.record(Act.USER_CHANGED, "命令行", null, null, null, null,
				(existing.isPresent() ? "重设管理员 " : "创建管理员 ") + username + " 的密码");
		out.println("管理员 " + username + " 的新密码(只显示这一次,登录后须修改): " + password
				+ "  (administrator's new password, shown once; change it at the next login)");
		return 0;
	}

}

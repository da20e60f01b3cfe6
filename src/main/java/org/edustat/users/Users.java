package org.edustat.users;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The users of the web UI, with hashed passwords. */
public class Users implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final LoginAttempts attempts;

	public Users(JdbcClient jdbc, PasswordEncoder encoder, LoginAttempts attempts) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.attempts = attempts;
	}

	/** The user as the login sees it: disabled users and users locked after repeated failures cannot sign in. */
	@Override
	public EdustatUser loadUserByUsername(String username) {
		EdustatUser user = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
		return attempts.locked(username) ? user.locked() : user;
	}

	public void enable(String username, boolean enabled) {
		jdbc.sql("update app_user set enabled = ? where username = ?").params(enabled, username).update();
	}

	public void delete(String username) {
		jdbc.sql("delete from app_user where username = ?").param(username).update();
	}

	public void resetPassword(String username, String password) {
		jdbc.sql("update app_user set password_hash = ? where username = ?").params(encoder.encode(password), username).update();
	}

	public Optional<EdustatUser> find(String username) {
		return jdbc.sql("select username, password_hash, enabled, role, district_code from app_user where username = ?")
			.param(username)
			.query((rs, n) -> new EdustatUser(rs.getString(1), rs.getString(2), rs.getBoolean(3), Role.valueOf(rs.getString(4)),
					rs.getString(5)))
			.optional();
	}

	public void create(String username, String password, Role role, String district) {
		jdbc.sql("insert into app_user (username, password_hash, role, district_code, enabled) values (?, ?, ?, ?, true)")
			.params(username, encoder.encode(password), role.name(), district)
			.update();
	}

	public int count() {
		return jdbc.sql("select count(*) from app_user").query(Integer.class).single();
	}

	/** Every user as the administrator's page lists them (USERNAME, ROLE, DISTRICT_CODE, ENABLED), by name. */
	public List<Map<String, Object>> list() {
		return jdbc.sql("select username, role, district_code, enabled from app_user order by username").query().listOfRows();
	}
}

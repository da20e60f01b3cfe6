package org.edustat.users;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
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

	/**
	 * The user as the login sees it: disabled users and users locked after repeated
	 * failures cannot sign in.
	 */
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

	/**
	 * Sets a password the administrator gives: the user must change it at its next login.
	 */
	public void resetPassword(String username, String password) {
		jdbc.sql("update app_user set password_hash = ?, must_change_password = true where username = ?")
			.params(encoder.encode(password), username)
			.update();
	}

	/**
	 * A user changes its own password, knowing the current one; false if the current one
	 * is wrong.
	 */
	public boolean changeOwnPassword(String username, String current, String password) {
		Optional<EdustatUser> user = find(username);
		if (user.isEmpty() || !encoder.matches(current, user.get().getPassword())) {
			return false;
		}
		jdbc.sql("update app_user set password_hash = ?, must_change_password = false where username = ?")
			.params(encoder.encode(password), username)
			.update();
		return true;
	}

	/** Sets the address a user's notices go to; empty removes it. */
	public void setEmail(String username, String email) {
		jdbc.sql("update app_user set email = ? where username = ?")
			.params(Arrays.asList(email == null || email.isBlank() ? null : email.strip(), username))
			.update();
	}

	/** The address a user's notices go to, if it gave one. */
	public Optional<String> email(String username) {
		return jdbc.sql("select email from app_user where username = ?")
			.param(username)
			.query(String.class)
			.list()
			.stream()
			.filter(e -> e != null && !e.isBlank())
			.findFirst();
	}

	/**
	 * Creates a school's account with a first password it must change at its first login.
	 */
	public void createSchool(String username, String password, String district, String school) {
		jdbc.sql(
				"""
						insert into app_user (username, password_hash, role, district_code, enabled, school_id, must_change_password)
						values (?, ?, ?, ?, true, ?, true)""")
			.params(username, encoder.encode(password), Role.SCHOOL.name(), district, school)
			.update();
	}

	public Optional<EdustatUser> find(String username) {
		return jdbc.sql("""
				select username, password_hash, enabled, role, district_code, school_id, must_change_password
				from app_user where username = ?""")
			.param(username)
			.query((rs, n) -> new EdustatUser(rs.getString(1), rs.getString(2), rs.getBoolean(3),
					Role.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getBoolean(7)))
			.optional();
	}

	public void create(String username, String password, Role role, @Nullable String district) {
		jdbc.sql(
				"insert into app_user (username, password_hash, role, district_code, enabled) values (?, ?, ?, ?, true)")
			.params(Arrays.asList(username, encoder.encode(password), role.name(), district))
			.update();
	}

	public int count() {
		return jdbc.sql("select count(*) from app_user").query(Integer.class).single();
	}

	/**
	 * Every user as the administrator's page lists them (USERNAME, ROLE, DISTRICT_CODE,
	 * ENABLED), by name.
	 */
	public List<Map<String, Object>> list() {
		return jdbc.sql("select username, role, district_code, enabled from app_user order by username")
			.query()
			.listOfRows();
	}

}

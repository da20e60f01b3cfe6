package org.edustat.web;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The users of the web UI, with hashed passwords. */
public class Users implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	public Users(JdbcClient jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	@Override
	public EdustatUser loadUserByUsername(String username) {
		return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
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
}

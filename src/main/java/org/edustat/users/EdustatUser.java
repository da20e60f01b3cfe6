package org.edustat.users;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in user: its role and, for a 区县 user, its district (null for the whole city). */
public class EdustatUser extends User {

	private final Role role;

	private final String district;

	public EdustatUser(String username, String passwordHash, boolean enabled, Role role, String district) {
		this(username, passwordHash, enabled, true, role, district);
	}

	private EdustatUser(String username, String passwordHash, boolean enabled, boolean accountNonLocked, Role role,
			String district) {
		super(username, passwordHash, enabled, true, true, accountNonLocked, authorities(role));
		this.role = role;
		this.district = district;
	}

	/** The same user, locked for now (too many wrong passwords). */
	EdustatUser locked() {
		return new EdustatUser(getUsername(), getPassword(), isEnabled(), false, role, district);
	}

	/** Whether this user may launch, stop and restart the city-wide run: a 统计员 or 管理员 of the whole city. */
	public boolean runsTheCity() {
		return district == null && role != Role.VIEWER;
	}

	private static List<SimpleGrantedAuthority> authorities(Role role) {
		return switch (role) {
			case VIEWER -> List.of(new SimpleGrantedAuthority("ROLE_VIEWER"));
			case STATISTICIAN -> List.of(new SimpleGrantedAuthority("ROLE_VIEWER"), new SimpleGrantedAuthority("ROLE_STATISTICIAN"));
			case ADMIN -> List.of(new SimpleGrantedAuthority("ROLE_VIEWER"), new SimpleGrantedAuthority("ROLE_STATISTICIAN"),
					new SimpleGrantedAuthority("ROLE_ADMIN"));
		};
	}

	public Role role() {
		return role;
	}

	/** The district this user is limited to, or null for a city-wide user. */
	public String district() {
		return district;
	}

	public boolean sees(String districtCode) {
		return district == null || district.equals(districtCode);
	}
}

package org.edustat.users;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in user: its role and, for a 区县 user, its district (null for the whole city).
 */
public class EdustatUser extends User {

	private final Role role;

	private final @Nullable String district;

	private final @Nullable String school;

	private final boolean mustChangePassword;

	public EdustatUser(String username, String passwordHash, boolean enabled, Role role, @Nullable String district) {
		this(username, passwordHash, enabled, true, role, district, null, false);
	}

	/**
	 * A school's account: its 区县 and its school, and whether its first password must
	 * still be changed.
	 */
	public EdustatUser(String username, String passwordHash, boolean enabled, Role role, @Nullable String district,
			@Nullable String school, boolean mustChangePassword) {
		this(username, passwordHash, enabled, true, role, district, school, mustChangePassword);
	}

	private EdustatUser(String username, @Nullable String passwordHash, boolean enabled, boolean accountNonLocked,
			Role role, @Nullable String district, @Nullable String school, boolean mustChangePassword) {
		super(username, passwordHash, enabled, true, true, accountNonLocked, authorities(role));
		this.role = role;
		this.district = district;
		this.school = school;
		this.mustChangePassword = mustChangePassword;
	}

	/** The same user, locked for now (too many wrong passwords). */
	EdustatUser locked() {
		return new EdustatUser(getUsername(), getPassword(), isEnabled(), false, role, district, school,
				mustChangePassword);
	}

	/**
	 * Whether this user may launch, stop and restart the city-wide run: a 统计员 or 管理员 of
	 * the whole city.
	 */
	public boolean runsTheCity() {
		return district == null && role != Role.VIEWER && role != Role.SCHOOL;
	}

	private static List<SimpleGrantedAuthority> authorities(Role role) {
		return switch (role) {
			case VIEWER -> List.of(new SimpleGrantedAuthority("ROLE_VIEWER"));
			case STATISTICIAN ->
				List.of(new SimpleGrantedAuthority("ROLE_VIEWER"), new SimpleGrantedAuthority("ROLE_STATISTICIAN"));
			case SCHOOL -> List.of(new SimpleGrantedAuthority("ROLE_SCHOOL"));
			case ADMIN -> List.of(new SimpleGrantedAuthority("ROLE_VIEWER"),
					new SimpleGrantedAuthority("ROLE_STATISTICIAN"), new SimpleGrantedAuthority("ROLE_ADMIN"));
		};
	}

	public Role role() {
		return role;
	}

	/** The district this user is limited to, or null for a city-wide user. */
	public @Nullable String district() {
		return district;
	}

	/**
	 * Whether the user sees a 区县's files and pages: a school sees none (only its own, by
	 * {@link #school}).
	 */
	public boolean sees(@Nullable String districtCode) {
		return role != Role.SCHOOL && (district == null || district.equals(districtCode));
	}

	/** The school of a school's account, else null. */
	public @Nullable String school() {
		return school;
	}

	/**
	 * Whether the user must change its password before anything else (a first password
	 * handed out).
	 */
	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	/**
	 * Whether the user may see a school's page, files and 回执: its own school, or a school
	 * of its 区县 (all for the city).
	 */
	public boolean seesSchool(String schoolId, @Nullable String schoolDistrict) {
		return role == Role.SCHOOL ? schoolId != null && schoolId.equals(school) : sees(schoolDistrict);
	}

}

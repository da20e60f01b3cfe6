package org.edustat.users;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Passwords EduStat makes itself: an administrator's first or recovered one, printed
 * once.
 */
public final class Passwords {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Passwords() {
	}

	/** 18 hex digits (72 random bits). */
	public static String random() {
		byte[] bytes = new byte[9];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}

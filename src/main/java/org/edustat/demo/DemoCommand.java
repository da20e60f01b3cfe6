package org.edustat.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code generate-demo [--dir=input] [--seed=2023] [--schools=66] [--years=2]}: writes
 * the demo inbox.
 */
public final class DemoCommand {

	public static final long DEFAULT_SEED = 2023;

	public static final int DEFAULT_SCHOOLS = 66;

	private DemoCommand() {
	}

	public static int run(String[] args) {
		Path dir = Path.of(option(args, "dir", "input"));
		long seed = Long.parseLong(option(args, "seed", String.valueOf(DEFAULT_SEED)));
		int schools = Integer.parseInt(option(args, "schools", String.valueOf(DEFAULT_SCHOOLS)));
		int years = Integer.parseInt(option(args, "years", "2"));
		List<Path> files = new DemoInbox(dir, seed, years).writeDemo(schools);
		System.out.printf("已生成演示收件箱 (demo inbox written): %s, %d 所学校, %d 个文件, 种子 %d%n", dir.toAbsolutePath(), schools,
				files.size(), seed);
		return 0;
	}

	public static String option(String[] args, String name, String fallback) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return arg.substring(name.length() + 3);
			}
		}
		return fallback;
	}

}

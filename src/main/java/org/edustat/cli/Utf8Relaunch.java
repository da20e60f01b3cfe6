package org.edustat.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * EduStat's file names are Chinese (收件箱 files, 回执, 未识别, 半年报), and a JVM started under a
 * locale that is not UTF-8 — {@code LANG=C}, cron's and many containers' — can neither
 * name nor read them: the JDK fixes the encoding of file names from the locale when it
 * starts, and no option changes it afterwards. So such a start runs the same command
 * again in a child JVM under {@code LC_ALL=C.UTF-8}, passes its output through and exits
 * with its code. The child halts when the parent goes (a {@code kill -9} of the parent
 * leaves nothing running); a parent stopped politely stops the child first.
 */
public final class Utf8Relaunch {

	/**
	 * Set in the child's environment to the parent's process id: the child runs, never
	 * relaunches again.
	 */
	static final String MARK = "EDUSTAT_UTF8_PARENT";

	private Utf8Relaunch() {
	}

	/**
	 * Whether this JVM cannot name files in UTF-8 and has not been relaunched already.
	 */
	public static boolean needed() {
		return !namesFilesInUtf8() && System.getenv(MARK) == null;
	}

	static boolean namesFilesInUtf8() {
		String encoding = System.getProperty("sun.jnu.encoding", "");
		return Charset.isSupported(encoding) && Charset.forName(encoding).equals(StandardCharsets.UTF_8);
	}

	/**
	 * Runs this JVM's own command line again under a UTF-8 locale.
	 * @return the child's exit code, or empty where this JVM's command line cannot be
	 * read (the run goes on here)
	 */
	public static Optional<Integer> run() throws IOException, InterruptedException {
		ProcessHandle.Info info = ProcessHandle.current().info();
		if (info.command().isEmpty() || info.arguments().isEmpty()) {
			System.err.println("警告:当前区域设置的文件名编码不是UTF-8,中文文件名可能无法读取,请以 LANG=C.UTF-8 运行 "
					+ "(warning: file names are not UTF-8 in this locale; run with LANG=C.UTF-8)");
			return Optional.empty();
		}
		List<String> command = new ArrayList<>();
		command.add(info.command().get());
		command.addAll(List.of(info.arguments().get()));
		ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
		builder.environment().put("LC_ALL", "C.UTF-8");
		builder.environment().put("LANG", "C.UTF-8");
		builder.environment().put(MARK, String.valueOf(ProcessHandle.current().pid()));
		Process child = builder.start();
		Thread stopChild = new Thread(() -> {
			if (child.isAlive()) {
				child.destroy();
				try {
					child.waitFor(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}, "stop-utf8-child");
		Runtime.getRuntime().addShutdownHook(stopChild);
		int code = child.waitFor();
		Runtime.getRuntime().removeShutdownHook(stopChild);
		return Optional.of(code);
	}

	/** In a relaunched child: halts when the parent that started it is gone. */
	public static void followParent() {
		String parent = System.getenv(MARK);
		if (parent == null) {
			return;
		}
		try {
			ProcessHandle.of(Long.parseLong(parent))
				.ifPresentOrElse(handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(143)),
						() -> Runtime.getRuntime().halt(143));
		}
		catch (NumberFormatException ex) {
			// not a process id: nothing to follow
		}
	}

}

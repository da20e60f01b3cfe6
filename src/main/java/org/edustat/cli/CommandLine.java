package org.edustat.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each command accepts, said before anything runs: {@code --help} / {@code -h} print
 * a command's usage and exit 0; an option the command does not know is refused with its
 * usage (exit 2) rather than silently ignored. Settings of the application itself are
 * passed as {@code --spring.…=}, {@code --edustat.…=}, {@code --server.…=} or
 * {@code --logging.…=}.
 */
public final class CommandLine {

	/** The commands and what each says of itself. */
	static final Map<String, String> USAGE = Map.of("import", """
			用法 (usage): java -jar edustat.jar [import] [--设置=值 …]
			  从收件箱导入学校报表、审核、入库并生成报表,然后退出。(import the inbox once, write the reports and exit)
			  退出码 (exit code): 0 成功, 1 运行失败, 2 命令行有误, 3 另一个导入或服务正在使用这个数据库""", "serve", """
			用法 (usage): java -jar edustat.jar serve [--设置=值 …]
			  启动网页界面并按计划每晚运行导入。(the web UI and the nightly run, until stopped)""", "dry-run", """
			用法 (usage): java -jar edustat.jar dry-run <工作簿文件> [--设置=值 …]
			  试审一个工作簿:按本次运行的规则审核,不入库。(check one workbook as the run would, load nothing)""", "generate-demo", """
			用法 (usage): java -jar edustat.jar generate-demo [--dir=input] [--schools=N] [--seed=N] [--years=N]
			  生成演示收件箱。(write the demo inbox)""", "benchmark",
			"""
					用法 (usage): java -jar edustat.jar benchmark [--schools=300] [--work=target/benchmark] [--warm[=N]] [--city] [--reports]
					       java -jar edustat.jar benchmark --command [--schools=1716] [--work=target/benchmark-command]
					  生成样本并计时导入,与同一次运行中的读取下限比较。(time the import against the bare reads of the same run)""",
			"reset-admin", """
					用法 (usage): java -jar edustat.jar reset-admin [--user=admin] [--设置=值 …]
					  为管理员设置新的随机密码(没有则创建),只在控制台显示一次,登录后须修改。(recover the administrator)""");

	/**
	 * The options of the commands that read their own, beside the application's settings.
	 */
	static final Map<String, List<String>> OWN_OPTIONS = Map.of("reset-admin", List.of("--user="), "generate-demo",
			List.of("--dir=", "--schools=", "--seed=", "--years="), "benchmark",
			List.of("--schools=", "--work=", "--warm=", "--warm", "--city", "--reports", "--command"));

	private static final List<String> SETTINGS = List.of("--spring.", "--edustat.", "--server.", "--logging.",
			"--management.", "--debug", "--trace");

	private CommandLine() {
	}

	/**
	 * Checks a command's arguments before anything runs.
	 * @return the exit code when the command must not run (0 after printing help, 2 after
	 * refusing an option)
	 */
	public static Optional<Integer> check(String command, String[] args, PrintStream out, PrintStream err) {
		String usage = USAGE.get(command);
		if (usage == null) {
			err.println("未知命令 (unknown command): " + command
					+ "。可用 (commands): import, serve, dry-run, generate-demo, benchmark, reset-admin");
			return Optional.of(2);
		}
		for (String arg : args) {
			if (arg.equals("--help") || arg.equals("-h") || arg.equals("help")) {
				out.println(usage);
				return Optional.of(0);
			}
		}
		for (String arg : args) {
			boolean file = command.equals("dry-run") && !arg.startsWith("-");
			boolean setting = SETTINGS.stream().anyMatch(arg::startsWith);
			boolean own = OWN_OPTIONS.getOrDefault(command, List.of())
				.stream()
				.anyMatch(o -> o.endsWith("=") ? arg.startsWith(o) : arg.equals(o));
			if (!file && !setting && !own) {
				err.println("未知选项 (unknown option): " + arg);
				err.println(usage);
				return Optional.of(2);
			}
		}
		return Optional.empty();
	}

}

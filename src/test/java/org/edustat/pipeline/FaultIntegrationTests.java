package org.edustat.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.edustat.core.Period;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Roster;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fault harness for what the machine does to a run: files and folders of the inbox
 * its user may not read, cron's locale ({@code LANG=C}), two imports started together in
 * two JVMs, names in another encoding than the platform's, and a full disk under the
 * output. The packaged application runs as an unprivileged user (root reads everything,
 * so the harness drops to {@code nobody} through {@code setpriv} when it runs as root).
 * Every file ends with one ledger entry and a true reason; an unreadable one is noted
 * once, left where it is, and loads once its permissions are mended.
 */
@Tag("slow")
class FaultIntegrationTests {

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path work;

	@Test
	void unreadableFilesAndFoldersAreNotedOnceLeftInPlaceAndLoadOnceMended() throws Exception {
		Path inbox = work.resolve("input");
		Period period = Period.parse("2023H1");
		List<DemoSchool> schools = Roster.schools(6, Workbooks.SEED);
		Instant t = Instant.parse("2024-01-01T00:00:00Z");
		for (int i = 0; i < 4; i++) {
			Workbooks.write(inbox, "对照/" + i + ".xlsx", Workbooks.submission(schools.get(i), period).bytes(),
					t.plusSeconds(i));
		}
		Path closed = Workbooks.write(inbox, "权限/不可读.xlsx", Workbooks.submission(schools.get(4), period).bytes(),
				t.plusSeconds(10));
		Path locked = inbox.resolve("锁住的文件夹");
		Workbooks.write(inbox, "锁住的文件夹/里面.xlsx", Workbooks.submission(schools.get(5), period).bytes(),
				t.plusSeconds(11));
		// the application and the statisticians' folder copied where the other user can
		// reach them
		Files.copy(Path.of("target/edustat.jar"), work.resolve("edustat.jar"));
		FileSystemUtils.copyRecursively(Path.of("jobs"), work.resolve("jobs"));
		openToEveryone(work);
		Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

		assertThat(importAsAnotherUser()).as("exit code of the first run").isZero();
		Map<String, String> ledger = ledger();
		assertThat(ledger).hasSize(6);
		for (int i = 0; i < 4; i++) {
			assertThat(ledger.get("对照/" + i + ".xlsx")).startsWith("已入库");
		}
		assertThat(ledger.get("权限/不可读.xlsx")).isEqualTo("已忽略 文件无法读取(没有读取权限),未处理、未移出收件箱;请检查其权限,改正后下次运行即处理");
		assertThat(ledger.get("锁住的文件夹")).isEqualTo("已忽略 文件夹无法读取(没有读取权限),其中的文件未处理;请检查其权限,改正后下次运行即处理");
		assertThat(closed).as("left where it was").exists();

		assertThat(importAsAnotherUser()).as("exit code of the second run").isZero();
		assertThat(ledger()).as("noted once, however many runs find it").isEqualTo(ledger);

		Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-rw-rw-"));
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertThat(importAsAnotherUser()).as("exit code of the run after the permissions were mended").isZero();
		Map<String, String> mended = ledger();
		assertThat(mended.get("权限/不可读.xlsx")).as("the note, then the file loaded")
			.startsWith("已忽略 文件无法读取(没有读取权限)")
			.contains(" | 已入库 ")
			.containsOnlyOnce(" | ");
		assertThat(mended.get("锁住的文件夹/里面.xlsx")).startsWith("已入库").doesNotContain(" | ");
		assertThat(mended).hasSize(7);
		try (Stream<Path> left = Files.walk(inbox)) {
			assertThat(left.filter(Files::isRegularFile)).as("files left in the inbox").isEmpty();
		}
	}

	/**
	 * Two imports started together in two JVMs on one inbox and database (cron and a
	 * person): the second, finding the first running, says so and exits 3 touching
	 * nothing; the first records every file once.
	 */
	@Test
	void twoImportsInTwoJvmsOneRunsTheOtherSaysSoAndTouchesNothing() throws Exception {
		Path inbox = work.resolve("input");
		Period period = Period.parse("2023H1");
		List<DemoSchool> schools = Roster.schools(300, Workbooks.SEED);
		Instant t = Instant.parse("2024-01-01T00:00:00Z");
		for (int i = 0; i < schools.size(); i++) {
			Workbooks.write(inbox, "学校/" + i + ".xlsx", Workbooks.submission(schools.get(i), period).bytes(),
					t.plusSeconds(i));
		}
		// started at the same moment, each recording one file a transaction on one
		// thread: the runs overlap
		String[] slow = { "--edustat.intake.chunk-size=1", "--edustat.intake.threads=1" };
		List<Process> both = List.of(ImportJobIntegrationTestsSupport.startJvm(work, "import", -1, slow),
				ImportJobIntegrationTestsSupport.startJvm(work, "import", -1, slow));
		Map<Integer, String> byExit = new TreeMap<>();
		for (Process p : both) {
			assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("an import finished").isTrue();
			byExit.merge(p.exitValue(), Files.readString(work.resolve("import-" + p.pid() + ".log")),
					(x, y) -> x + "\n----\n" + y);
		}
		assertThat(byExit.keySet()).as("one import ran, the other was turned away; logs:\n" + byExit.values())
			.containsExactly(0, 3);
		long winner = both.stream().filter(p -> p.exitValue() == 0).findFirst().orElseThrow().pid();
		assertThat(byExit.get(3)).contains("另一个导入正在运行(进程 " + winner).contains("本次不导入,也不改动任何数据");
		Map<String, String> ledger = ledger();
		assertThat(ledger).hasSize(schools.size())
			.allSatisfy((path, entry) -> assertThat(entry).startsWith("已入库").doesNotContain(" | "));
		try (Stream<Path> left = Files.walk(inbox)) {
			assertThat(left.filter(Files::isRegularFile)).as("files left in the inbox").isEmpty();
		}
	}

	/**
	 * Names a Windows archive leaves when unzipped here: 啊.xlsx and 阿.xlsx in GBK bytes,
	 * which are not UTF-8 and read alike (each character U+FFFD). Both workbooks load,
	 * each under a recorded path of its own; none is called corrupt.
	 */
	@Test
	void filesNamedInGbkLoadEachUnderAPathOfItsOwn() throws Exception {
		Path inbox = Files.createDirectories(work.resolve("input"));
		Period period = Period.parse("2023H1");
		List<DemoSchool> schools = Roster.schools(2, Workbooks.SEED);
		Path a = Workbooks.write(work, "a.xlsx", Workbooks.submission(schools.get(0), period).bytes(),
				Instant.parse("2024-01-01T00:00:00Z"));
		Path b = Workbooks.write(work, "b.xlsx", Workbooks.submission(schools.get(1), period).bytes(),
				Instant.parse("2024-01-01T00:01:00Z"));
		// the names' bytes are written by the shell: a Java string cannot hold bytes that
		// are not characters
		Process copy = new ProcessBuilder("sh", "-c",
				"cp -p \"$1\" \"$3/$(printf '\\260\\241').xlsx\" && cp -p \"$2\" \"$3/$(printf '\\260\\242').xlsx\"",
				"sh", a.toString(), b.toString(), inbox.toString())
			.inheritIO()
			.start();
		assertThat(copy.waitFor()).isZero();
		try (Stream<Path> names = Files.list(inbox)) {
			assertThat(names.map(p -> p.getFileName().toString())).as("two names that read alike")
				.containsOnly("\uFFFD\uFFFD.xlsx")
				.hasSize(2);
		}

		Process run = ImportJobIntegrationTestsSupport.startJvm(work, "import", -1);
		assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(run.exitValue()).isZero();
		Map<String, String> ledger = ledger();
		assertThat(ledger).hasSize(2).allSatisfy((path, entry) -> {
			assertThat(path).matches("\uFFFD\uFFFD\\.xlsx#\\d+");
			assertThat(entry).startsWith("已入库");
		});
		try (Stream<Path> left = Files.list(inbox)) {
			assertThat(left).as("files left in the inbox").isEmpty();
		}
	}

	/**
	 * A full disk under the output folder (a tmpfs of 64 KB mounted there, where the
	 * reports and 回执 go): the run records every file all the same; once space is freed,
	 * the next run writes every report and every 回执 the first could not — decided from
	 * the data, not from what the first run remembered. Needs root to mount (CI has it).
	 */
	@Test
	void aFullDiskUnderTheOutputIsMadeGoodByTheNextRun() throws Exception {
		Path output = Files.createDirectories(work.resolve("output"));
		assumeTrue(root() && sh("mount -t tmpfs -o size=64k tmpfs \"$1\"", output) == 0, "mounting a tmpfs needs root");
		try {
			Path inbox = work.resolve("input");
			Period period = Period.parse("2023H1");
			List<DemoSchool> schools = Roster.schools(60, Workbooks.SEED);
			Instant t = Instant.parse("2024-01-01T00:00:00Z");
			for (int i = 0; i < schools.size(); i++) {
				Workbooks.write(inbox, "学校/" + i + ".xlsx", Workbooks.submission(schools.get(i), period).bytes(),
						t.plusSeconds(i));
			}
			Process full = ImportJobIntegrationTestsSupport.startJvm(work, "import", -1);
			assertThat(full.waitFor(3, TimeUnit.MINUTES)).isTrue();
			Map<String, String> ledger = ledger();
			assertThat(ledger).as("every file recorded, whatever the output's disk")
				.hasSize(schools.size())
				.allSatisfy((path, entry) -> assertThat(entry).startsWith("已入库"));
			long written = receipts(output);
			assertThat(written).as("回执 the full disk let through").isLessThan(schools.size());

			assertThat(sh("mount -o remount,size=64m \"$1\"", output)).isZero();
			Process again = ImportJobIntegrationTestsSupport.startJvm(work, "import", -1);
			assertThat(again.waitFor(3, TimeUnit.MINUTES)).isTrue();
			assertThat(again.exitValue()).as("the run after space was freed").isZero();
			assertThat(receipts(output)).as("every 回执, the missing ones written by the next run")
				.isEqualTo(schools.size());
			assertThat(output.resolve("2023H1 半年报.xlsx")).exists();
			assertThat(ledger()).as("nothing recorded twice").isEqualTo(ledger);
		}
		finally {
			sh("umount \"$1\"", output);
		}
	}

	private static long receipts(Path output) throws IOException {
		try (Stream<Path> files = Files.walk(output)) {
			return files
				.filter(p -> p.getFileName().toString().endsWith(".xlsx") && p.toString().contains("/回执/")
						&& !p.getFileName().toString().startsWith("."))
				.count();
		}
	}

	private static int sh(String script, Path argument) throws IOException, InterruptedException {
		Process p = new ProcessBuilder("sh", "-c", script, "sh", argument.toString()).redirectErrorStream(true).start();
		p.getInputStream().readAllBytes();
		return p.waitFor();
	}

	private static boolean root() throws IOException, InterruptedException {
		Process id = new ProcessBuilder("id", "-u").start();
		String uid = new String(id.getInputStream().readAllBytes()).strip();
		id.waitFor();
		return uid.equals("0");
	}

	/**
	 * The run, as {@code nobody} when this runs as root, under {@code LANG=C} as cron
	 * starts it.
	 */
	private int importAsAnotherUser() throws Exception {
		List<String> launcher = root() ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
				: List.of();
		Process run = ImportJobIntegrationTestsSupport.startJvm(work, launcher,
				Map.of("LANG", "C", "LC_ALL", "C", "HOME", work.toString()), List.of("import"), -1,
				"--edustat.jobs.folder=" + work.resolve("jobs"));
		assertThat(run.waitFor(3, TimeUnit.MINUTES)).as("the run finished").isTrue();
		return run.exitValue();
	}

	/**
	 * Each received path with its entries' status and reason, in the order they were
	 * recorded (joined by " | ").
	 */
	private Map<String, String> ledger() throws Exception {
		Map<String, String> entries = new TreeMap<>();
		try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("db/edustat"), "sa", "");
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select received_path, status, reason from inbox_file order by id")) {
			while (rs.next()) {
				entries.merge(rs.getString(1), rs.getString(2) + " " + rs.getString(3), (a, b) -> a + " | " + b);
			}
		}
		return entries;
	}

	private static void openToEveryone(Path root) throws IOException {
		try (Stream<Path> all = Files.walk(root)) {
			for (Path p : all.toList()) {
				Files.setPosixFilePermissions(p,
						PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
			}
		}
	}

}

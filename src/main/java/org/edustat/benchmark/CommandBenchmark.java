package org.edustat.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.edustat.core.Period;
import org.edustat.demo.DemoCommand;
import org.edustat.demo.DemoInbox;
import org.jspecify.annotations.Nullable;
import org.springframework.util.FileSystemUtils;

/**
 * {@code benchmark --command [--schools=1716] [--work=target/benchmark-command]}: the
 * README's first command, timed whole as an operator runs it, on a two-year city nobody
 * typed: N schools' submissions of 2022H1 and 2023H1, one in 20 re-saved by LibreOffice
 * as .xls (written by HSSF where LibreOffice is not installed, and said so). Beside it,
 * in this JVM, a bare one-thread POI read of the same files — the floor the whole command
 * is compared with.
 */
final class CommandBenchmark {

	/** The README's first command, after its build: the JVM options and the command. */
	static final List<String> README_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmx512m");

	/** One file in this many is re-saved by LibreOffice as .xls. */
	private static final int XLS_EVERY = 20;

	private static final Pattern STARTED = Pattern
		.compile("Started \\w+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private static final Pattern FINISHED = Pattern.compile("用时 ([0-9.]+) 秒");

	private static final Pattern PERIOD_LINE = Pattern.compile("(?m)^\\d{4}(?:H1|Y): 已入库.*$");

	private CommandBenchmark() {
	}

	static int run(String[] args) throws Exception {
		int schools = Integer.parseInt(DemoCommand.option(args, "schools", "1716"));
		Path work = Path.of(DemoCommand.option(args, "work", "target/benchmark-command")).toAbsolutePath();
		String jar = System.getProperty("java.class.path", "");
		Path jobs = Path.of("jobs").toAbsolutePath();
		if (!jar.endsWith(".jar") || !Files.isDirectory(jobs)) {
			System.err.println(
					"benchmark --command 须在检出目录中以打包的 jar 运行 (run it from the packaged jar in a checkout with jobs/)");
			return 2;
		}
		WorkFolders.setAside(work);
		Period period = Period.parse("2023H1");
		DemoInbox inbox = new DemoInbox(work.resolve("input"), DemoCommand.DEFAULT_SEED);
		String libreOffice = libreOffice();
		// every school .xlsx (no index is 3 modulo 1) when LibreOffice re-saves some;
		// else HSSF's .xls one in 20
		int hssfEvery = libreOffice == null ? XLS_EVERY : 1;
		inbox.writeSubmissions(schools, period.sameLastYear(), hssfEvery);
		List<Path> files = new ArrayList<>(inbox.writeSubmissions(schools, period, hssfEvery));
		String xlsBy = libreOffice == null ? "written by HSSF: LibreOffice (soffice) not found"
				: resaveAsXls(files, work.resolve("libreoffice"), libreOffice);
		long bytes = 0;
		int xls = 0;
		for (Path f : files) {
			bytes += Files.size(f);
			xls += f.toString().endsWith(".xls") ? 1 : 0;
		}

		BareRead warmUp = new BareRead();
		for (Path f : files) {
			warmUp.read(f);
		}
		BareRead bare = new BareRead();
		long t0 = System.nanoTime();
		for (Path f : files) {
			bare.read(f);
		}
		double bareSeconds = (System.nanoTime() - t0) / 1e9;

		FileSystemUtils.copyRecursively(jobs, work.resolve("jobs"));
		Path script = Path.of("edustat").toAbsolutePath();
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(script)) {
			command.add(script.toString());
		}
		else {
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(README_OPTIONS);
			command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
		}
		command.add("import");
		// a first run on the same files in another folder, timed apart: after a build (or
		// with another JVM) the script writes its class-data archive as that run exits,
		// and the run compared is the one every later run is
		Path archive = Path.of("target", "app", "edustat.jsa");
		FileTime archived = Files.exists(archive) ? Files.getLastModifiedTime(archive) : null;
		Path first = work.resolve("first-run");
		FileSystemUtils.copyRecursively(jobs, first.resolve("jobs"));
		for (Path f : files) {
			Path link = first.resolve("input").resolve(work.resolve("input").relativize(f));
			Files.createDirectories(link.getParent());
			Files.createLink(link, f);
		}
		long tFirst = System.nanoTime();
		run(command, first, first.resolve("command.log"));
		double firstSeconds = (System.nanoTime() - tFirst) / 1e9;
		boolean wroteArchive = Files.exists(archive) && !Files.getLastModifiedTime(archive).equals(archived);
		Path log = work.resolve("command.log");
		long t1 = System.nanoTime();
		int exit = run(command, work, log);
		double commandSeconds = (System.nanoTime() - t1) / 1e9;
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Matcher started = STARTED.matcher(output);
		Matcher finished = FINISHED.matcher(output);
		Matcher periods = PERIOD_LINE.matcher(output);
		List<String> outcome = new ArrayList<>();
		while (periods.find()) {
			outcome.add(periods.group().strip());
		}

		System.out.printf(
				"%n## The README's first command on a two-year city, N = %d%n%n| figure | value |%n|---|---|%n",
				schools);
		System.out.printf("| files | %d (%d .xlsx, %d .xls %s), %.1f MB, %,d cells |%n", files.size(),
				files.size() - xls, xls, xlsBy, bytes / 1e6, bare.cells());
		System.out.printf("| bare POI read of the same files (streaming .xlsx, HSSF .xls), 1 thread, warm | %.2f s |%n",
				bareSeconds);
		System.out.printf("| the command | `%s` in a folder with `jobs/` and `input/` |%n",
				command.get(0).equals(script.toString()) ? "./edustat import"
						: "java " + String.join(" ", README_OPTIONS) + " -jar edustat.jar import");
		System.out.printf(
				"| the same command, run once before on the same files (%s) | %.2f s |%n", wroteArchive
						? "the first run after a build: it wrote the class-data archive" : "the archive there already",
				firstSeconds);
		System.out.printf("| the command, whole (process start to exit %d) | %.2f s |%n", exit, commandSeconds);
		if (started.find()) {
			System.out.printf(
					"| of which the JVM and the application's start (its log: process running for) | %s s |%n",
					started.group(2));
		}
		if (finished.find()) {
			System.out.printf("| of which the job (its log: 用时) | %s s |%n", finished.group(1));
		}
		System.out.printf("| whole command / bare POI read | %.2f |%n", commandSeconds / bareSeconds);
		System.out.printf("| what became of the files | %s |%n", String.join("; ", outcome));
		WorkFolders.removeOld(work);
		return exit;
	}

	private static int run(List<String> command, Path folder, Path log) throws Exception {
		return new ProcessBuilder(command).directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start()
			.waitFor();
	}

	/** LibreOffice's version, or null when {@code soffice} cannot be run. */
	private static @Nullable String libreOffice() {
		try {
			Process process = new ProcessBuilder("soffice", "--version").redirectErrorStream(true).start();
			String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return process.waitFor() == 0 && !version.isEmpty() ? version.replaceAll("\\s+[0-9a-f]{20,}.*", "") : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * Re-saves one file in {@link #XLS_EVERY} as .xls with LibreOffice, in place of its
	 * .xlsx (same folder, name and modification time).
	 * @return who wrote the .xls files
	 */
	private static String resaveAsXls(List<Path> files, Path scratch, String version) throws Exception {
		List<Path> chosen = new ArrayList<>();
		for (int i = XLS_EVERY - 1; i < files.size(); i += XLS_EVERY) {
			chosen.add(files.get(i));
		}
		// one conversion per set of distinct names: LibreOffice writes every output into
		// one folder
		List<List<Path>> batches = new ArrayList<>();
		for (Path file : chosen) {
			batches.stream()
				.filter(b -> b.stream().noneMatch(f -> f.getFileName().equals(file.getFileName())))
				.findFirst()
				.orElseGet(() -> {
					batches.add(new ArrayList<>());
					return batches.get(batches.size() - 1);
				})
				.add(file);
		}
		int resaved = 0;
		for (int b = 0; b < batches.size(); b++) {
			Path converted = scratch.resolve("out" + b);
			Files.createDirectories(converted);
			List<String> convert = new ArrayList<>(
					List.of("soffice", "-env:UserInstallation=" + scratch.resolve("profile").toUri(), "--headless",
							"--norestore", "--convert-to", "xls", "--outdir", converted.toString()));
			batches.get(b).forEach(f -> convert.add(f.toString()));
			Process process = new ProcessBuilder(convert).redirectErrorStream(true)
				.redirectOutput(scratch.resolve("convert" + b + ".log").toFile())
				.start();
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
			}
			for (Path xlsx : batches.get(b)) {
				String base = xlsx.getFileName().toString().replaceFirst("\\.xlsx$", "");
				Path xls = converted.resolve(base + ".xls");
				if (!Files.exists(xls)) {
					continue;
				}
				FileTime time = Files.getLastModifiedTime(xlsx);
				Path target = xlsx.resolveSibling(base + ".xls");
				Files.move(xls, target, StandardCopyOption.REPLACE_EXISTING);
				Files.setLastModifiedTime(target, time);
				Files.delete(xlsx);
				files.set(files.indexOf(xlsx), target);
				resaved++;
			}
		}
		return "re-saved by " + version + (resaved < chosen.size()
				? "; " + (chosen.size() - resaved) + " it could not convert stay .xlsx" : "");
	}

}

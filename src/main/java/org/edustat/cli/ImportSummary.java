package org.edustat.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.edustat.core.Period;
import org.edustat.core.Severity;
import org.edustat.examine.JobFiles;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerEntry;
import org.edustat.ledger.LedgerReadings;
import org.edustat.ledger.LedgerReadings.FileFinding;
import org.edustat.load.SubmissionStore;
import org.edustat.reports.FeedbackWorkbooks;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * Prints what a run did: per period the files loaded, superseded, duplicate and rejected,
 * then every rejection.
 */
@Component
public class ImportSummary {

	private final Ledger ledger;

	private final LedgerReadings readings;

	private final SubmissionStore submissions;

	private final JobFiles rules;

	ImportSummary(Ledger ledger, LedgerReadings readings, SubmissionStore submissions, JobFiles rules) {
		this.ledger = ledger;
		this.readings = readings;
		this.submissions = submissions;
		this.rules = rules;
	}

	public void print(JobExecution execution, PrintStream out) {
		List<LedgerEntry> entries = ledger.forJobExecution(execution.getId());
		Map<String, int[]> byPeriod = new TreeMap<>();
		for (LedgerEntry e : entries) {
			String period = e.period() != null ? e.period()
					: "参考数据".equals(e.kind()) ? "参考数据" : e.status() == FileStatus.IGNORED ? "其他文件" : "未识别";
			byPeriod.computeIfAbsent(period, p -> new int[FileStatus.values().length])[e.status().ordinal()]++;
		}
		Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
				: Duration.between(execution.getStartTime(), execution.getEndTime());
		out.printf("%nEduStat 导入结束 (import finished) — 运行 #%d, 状态 %s, %d 个文件, 用时 %.1f 秒%n", execution.getId(),
				execution.getStatus(), entries.size(), took.toMillis() / 1000.0);
		byPeriod.forEach((period, n) -> out.printf("%s: %s %d, %s %d, %s %d, %s %d%s%n", period,
				FileStatus.LOADED.label(), n[FileStatus.LOADED.ordinal()], FileStatus.SUPERSEDED.label(),
				n[FileStatus.SUPERSEDED.ordinal()], FileStatus.DUPLICATE.label(), n[FileStatus.DUPLICATE.ordinal()],
				FileStatus.REJECTED.label(), n[FileStatus.REJECTED.ordinal()], n[FileStatus.IGNORED.ordinal()] == 0 ? ""
						: ", " + FileStatus.IGNORED.label() + " " + n[FileStatus.IGNORED.ordinal()]));
		entries.stream()
			.filter(e -> e.status() == FileStatus.IGNORED)
			.forEach(e -> out.printf("  %s: %s%n", e.receivedPath(), e.reason()));
		List<FileFinding> rejections = lines(execution.getId(), FileStatus.REJECTED, Severity.ERROR);
		if (!rejections.isEmpty()) {
			out.printf("%n退回明细 (rejections): 文件 | 单元格 | 规则 | 原因%n");
			rejections.forEach(l -> out.printf("  %s | %s | %s | %s%n", l.file(),
					l.cell().isEmpty() ? "(整个文件)" : l.cell(), l.code(), l.message()));
		}
		List<FileFinding> warnings = lines(execution.getId(), FileStatus.LOADED, Severity.WARNING);
		if (!warnings.isEmpty()) {
			out.printf("%n警告明细 (warnings; the data are loaded), 按学校:%n");
			String school = null;
			for (FileFinding l : warnings) {
				if (!l.file().equals(school)) {
					school = l.file();
					out.printf("  %s%n", school);
				}
				out.printf("    %s | %s | %s%n", l.cell(), l.code(), l.message());
			}
		}
		rules.book()
			.summary("Y03")
			.ifPresent(y03 -> byPeriod.keySet().stream().filter(p -> p.matches("\\d{4}(H1|Y)")).forEach(p -> {
				List<SubmissionStore.Missing> missing = submissions.missing(Period.parse(p));
				if (!missing.isEmpty()) {
					out.printf("%n%s %s (%s, %s): %s%n", y03.code(), y03.message(), y03.severity().label(), p,
							missing.stream()
								.map(m -> m.districtCode() + " " + m.schoolName() + "(" + m.schoolId() + ")")
								.toList());
				}
			}));
	}

	/** Lists the reports now in the output folder. */
	void printReports(Path output, PrintStream out) {
		try (var files = Files.list(output)) {
			List<String> reports = files.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith("报.xlsx"))
				.sorted()
				.toList();
			if (!reports.isEmpty()) {
				out.printf("%n报表 (reports) in %s: %s%n", output, reports);
			}
			Path feedback = output.resolve(FeedbackWorkbooks.FOLDER);
			if (Files.isDirectory(feedback)) {
				try (var all = Files.walk(feedback)) {
					out.printf("回执 (feedback workbooks for the schools): %d 份 in %s%n",
							all.filter(Files::isRegularFile).count(), feedback);
				}
			}
		}
		catch (IOException ex) {
			// no output folder yet: nothing to list
		}
	}

	/**
	 * The findings of a given severity on the files of a run that ended in a given
	 * status.
	 */
	public List<FileFinding> lines(long jobExecutionId, FileStatus status, Severity severity) {
		return readings.findings(jobExecutionId, status, severity);
	}

}

package org.edustat.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.edustat.examine.JobFiles;
import org.edustat.examine.JobFilesException;
import org.edustat.intake.Inbox;
import org.edustat.ledger.Ledger;
import org.edustat.pipeline.ImportLock;
import org.edustat.pipeline.RunLauncher;
import org.edustat.pipeline.ServerPresence;
import org.edustat.reports.ComparativeReports;
import org.edustat.reports.ReportsProperties;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** Runs the import job once on the inbox and prints what became of every file. */
@Component
public class ImportCommand {

	private final RunLauncher launcher;

	private final Inbox inbox;

	private final ImportSummary summary;

	private final JobFiles rules;

	private final ReportsProperties reports;

	private final ComparativeReports comparative;

	private final ServerPresence presence;

	private final ImportLock lock;

	private final Ledger ledger;

	ImportCommand(RunLauncher launcher, Inbox inbox, ImportSummary summary, JobFiles rules, ReportsProperties reports,
			ComparativeReports comparative, ServerPresence presence, Ledger ledger, ImportLock lock) {
		this.launcher = launcher;
		this.ledger = ledger;
		this.presence = presence;
		this.lock = lock;
		this.comparative = comparative;
		this.rules = rules;
		this.reports = reports;
		this.inbox = inbox;
		this.summary = summary;
	}

	/**
	 * Runs the job and prints the summary; returns the process exit code (0 unless the
	 * job itself failed).
	 */
	public int run(PrintStream out) throws Exception {
		Optional<String> server = presence.other();
		if (server.isPresent()) {
			out.println("EduStat 服务正在运行(" + server.get() + "),本次不从命令行导入:请在网页「任务」页点「立即运行」,或先停止服务"
					+ " (a server is running on this data folder; import refused)");
			return 3;
		}
		Optional<String> other = lock.acquire();
		if (other.isPresent()) {
			out.println("另一个导入正在运行(" + other.get() + "),本次不导入,也不改动任何数据;请等它结束后再运行"
					+ " (another import holds this database; nothing done)");
			return 3;
		}
		try {
			return runHoldingTheLock(out);
		}
		finally {
			lock.release();
		}
	}

	private int runHoldingTheLock(PrintStream out) throws Exception {
		try {
			rules.reload();
		}
		catch (JobFilesException ex) {
			out.println(
					"jobs/ 中的文件有误,本次不导入任何文件 (form, rules or indicators invalid, nothing imported): " + ex.getMessage());
			return 2;
		}
		ledger.reconcileCleared(inbox);
		List<JobExecution> restarted = launcher.recoverAndRestart();
		for (JobExecution execution : restarted) {
			summary.print(execution, out);
		}
		if (inbox.isEmpty() && !comparative.due()) {
			if (restarted.isEmpty()) {
				out.println("收件箱 " + inbox.root() + " 中没有新文件,无需导入。(nothing new in the inbox)");
			}
			summary.printReports(reports.output().toAbsolutePath(), out);
			return restarted.stream().allMatch(e -> e.getStatus() == BatchStatus.COMPLETED) ? 0 : 1;
		}
		RunLauncher.Launch launch = launcher.manual("命令行");
		if (launch.execution().isEmpty()) {
			out.println(launch.refusal());
			return 1;
		}
		JobExecution execution = launch.execution().get();
		summary.print(execution, out);
		summary.printReports(reports.output().toAbsolutePath(), out);
		return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
	}

}

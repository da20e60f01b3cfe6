package org.edustat.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.edustat.core.Finding;
import org.edustat.examine.Inspection;
import org.edustat.examine.Inspector;
import org.edustat.examine.JobFilesException;
import org.edustat.reports.FeedbackWorkbooks;
import org.edustat.reports.ReportsProperties;
import org.springframework.stereotype.Component;

/**
 * Checks one workbook without loading it: prints what the audit would find and writes its
 * feedback workbook.
 */
@Component
public class DryRunCommand {

	/** The folder under the output folder for dry-run feedback workbooks. */
	public static final String FOLDER = "试审";

	private final Inspector inspector;

	private final FeedbackWorkbooks feedback;

	private final ReportsProperties reports;

	DryRunCommand(Inspector inspector, FeedbackWorkbooks feedback, ReportsProperties reports) {
		this.inspector = inspector;
		this.feedback = feedback;
		this.reports = reports;
	}

	/** What a dry run found, and where its feedback workbook is, if one was written. */
	public record Result(Inspection inspection, Optional<Path> feedbackWorkbook) {
	}

	public Result check(Path file) {
		Inspection inspection = inspector.inspectNow(file);
		String name = file.getFileName().toString();
		String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
		Path target = reports.output()
			.toAbsolutePath()
			.resolve(FOLDER)
			.resolve(base + "_回执" + (name.toLowerCase().endsWith(".xls") ? ".xls" : ".xlsx"));
		return new Result(inspection,
				feedback.write(file, inspection.submission(), inspection.findings(), target, inspection.form()));
	}

	public int run(Path file, PrintStream out) {
		if (!Files.isRegularFile(file)) {
			out.println("找不到文件 (file not found): " + file);
			return 2;
		}
		Result result;
		try {
			result = check(file);
		}
		catch (JobFilesException ex) {
			out.println("jobs/ 中的文件有误 (form, rules or indicators invalid): " + ex.getMessage());
			return 2;
		}
		var inspection = result.inspection();
		if (inspection.submission() != null) {
			var s = inspection.submission().school();
			out.printf("%s (%s) %s — %s%n", s.name(), s.id(), inspection.submission().period().label(),
					inspection.hasErrors() ? "有错误,不能入库" : inspection.findings().isEmpty() ? "审核通过" : "可以入库,有警告");
		}
		else if (inspection.reference() != null) {
			out.println("参考数据工作簿,审核通过 (reference workbook)");
		}
		for (Finding f : inspection.findings()) {
			out.printf("  %s | %s | %s | %s%n", f.severity().label(),
					f.cell().toString().isEmpty() ? "(整个文件)" : f.cell(), f.code(), f.message());
		}
		result.feedbackWorkbook().ifPresent(p -> out.println("回执 (feedback workbook): " + p));
		return inspection.hasErrors() ? 1 : 0;
	}

}

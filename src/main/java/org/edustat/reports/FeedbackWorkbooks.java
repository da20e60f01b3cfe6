package org.edustat.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.edustat.core.Digests;
import org.edustat.core.Finding;
import org.edustat.core.Identity;
import org.edustat.core.Period;
import org.edustat.core.SafeNames;
import org.edustat.core.Submission;
import org.edustat.form.Form;
import org.edustat.normalise.Explanations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a school's feedback workbook (回执): a copy of what it sent with every offending
 * cell filled (red for an error, yellow for a warning) and commented with the rule code
 * and message, and a sheet 审核结果 listing every finding with a 说明 column the school fills
 * to explain a warning and sends back.
 */
public class FeedbackWorkbooks {

	/** The folder of feedback workbooks under the output folder. */
	public static final String FOLDER = "回执";

	static final List<String> HEADER = List.of("序号", Explanations.CODE, "级别", Explanations.CELL, "问题描述", "涉及数值",
			Explanations.EXPLANATION + "(警告可填写说明)", "状态");

	private static final Logger log = LoggerFactory.getLogger(FeedbackWorkbooks.class);

	private final Path output;

	private final ZoneId zone;

	/** The output folder the 回执 are written under. */
	public Path output() {
		return output;
	}

	/** Times in the bureau's zone (Asia/Shanghai). */
	public FeedbackWorkbooks(Path output) {
		this(output, ZoneId.of("Asia/Shanghai"));
	}

	/**
	 * @param zone the time zone a 回执 states the time received in
	 */
	public FeedbackWorkbooks(Path output, ZoneId zone) {
		this.zone = zone;
		this.output = output.toAbsolutePath().normalize();
	}

	/**
	 * Where the feedback workbook of a file goes: 回执/2023H1/990102/学校名称_2023H1_回执.xlsx,
	 * under 未识别 when the period or 区县 could not be read. Texts from the workbook are
	 * reduced to safe names, and the path stays under the output folder.
	 */
	public Path target(Identity identity, String originalName) {
		String extension = originalName.toLowerCase(Locale.ROOT).endsWith(".xls") ? ".xls" : ".xlsx";
		Path root = output.resolve(FOLDER);
		Path target;
		if (identity == null || identity.period() == null || identity.districtCode() == null) {
			String base = originalName.contains(".") ? originalName.substring(0, originalName.lastIndexOf('.'))
					: originalName;
			target = root.resolve("未识别").resolve(SafeNames.of(base) + "_回执" + extension);
		}
		else {
			String school = identity.schoolName() != null ? identity.schoolName()
					: identity.schoolId() != null ? identity.schoolId() : "未识别学校";
			target = root.resolve(SafeNames.of(identity.period()))
				.resolve(SafeNames.of(identity.districtCode()))
				.resolve(SafeNames.of(school) + "_" + SafeNames.of(identity.period()) + "_回执" + extension);
		}
		return SafeNames.under(root, target);
	}

	/**
	 * What a 回执's first lines say: whose it is, which file and when it was received; the
	 * verdict and what to do are the findings'.
	 *
	 * @param identity the school and period as far as they could be read (the registry's
	 * 区县)
	 * @param sha256 the SHA-256 of the file it answers where known already, else
	 * {@code null} (then read from the file)
	 */
	public record Receipt(Identity identity, String fileName, Instant received, ZoneId zone, @Nullable String sha256) {

		private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

		/**
		 * The heading: school and 标识码, 统计期, file and time received, verdict and what to
		 * do next.
		 */
		List<String> heading(List<Finding> findings) {
			boolean errors = findings.stream().anyMatch(Finding::isError);
			boolean warnings = findings.stream().anyMatch(f -> !f.isError());
			String school = identity == null || identity.schoolId() == null ? "未能识别的学校"
					: (identity.schoolName() == null ? "" : identity.schoolName()) + "（学校标识码" + identity.schoolId()
							+ "）";
			String period = identity == null || identity.period() == null ? "未能识别" : periodLabel(identity.period());
			String verdict = errors ? "退回" : warnings ? "受理（有警告）" : "受理";
			String next = errors ? "请按下表更正全部错误后重新报送；原文件不入库。"
					: warnings ? "数据已入库。请核实下表的警告，如属实请在「说明」列填写原因，保存后将本回执作为报表重新报送。" : "数据已入库，无需再做什么。";
			return List.of("教育统计报表回执", "学校：" + school + "　统计期：" + period,
					"文件：" + fileName + "　收到时间：" + RECEIVED.withZone(zone).format(received),
					"审核结论：" + verdict + "。" + next);
		}

		private static String periodLabel(String code) {
			try {
				return Period.parse(code).label() + "（" + code + "）";
			}
			catch (IllegalArgumentException ex) {
				return code;
			}
		}
	}

	/**
	 * The heading of a 回执 written now for a file as received, whose SHA-256 (what the
	 * ledger records it by) is known.
	 */
	public Receipt receipt(Identity identity, String receivedPath, String sha256) {
		return new Receipt(identity, receivedPath, Instant.now(), zone, sha256);
	}

	/**
	 * Writes the 回执 of a file whatever its findings (a clean submission gets one saying
	 * 受理); a file POI cannot open gets none.
	 * @return where it was written, if it was
	 */
	public Optional<Path> write(Path original, @Nullable Submission submission, List<Finding> findings, Path target,
			Form form) {
		return write(original, submission, findings, target, form,
				new Receipt(submission == null ? Identity.UNKNOWN : submission.identity(),
						original.getFileName().toString(), Instant.now(), zone, null));
	}

	/**
	 * Writes the 回执 of a file with the given heading: a copy of what the school sent with
	 * each finding marked (where it has findings), and the sheet 审核结果 that opens with the
	 * receipt's heading.
	 * @return where it was written, if it was
	 */
	public Optional<Path> write(Path original, @Nullable Submission submission, List<Finding> findings, Path target,
			Form form, Receipt receipt) {
		String source;
		try {
			source = receipt.sha256() != null ? receipt.sha256() : Digests.sha256(original);
		}
		catch (IOException ex) {
			log.info("未生成回执(文件无法读取) (no receipt: file cannot be read): {} ({})", original.getFileName(), ex.toString());
			return Optional.empty();
		}
		if (findings.isEmpty()) {
			try {
				Path named = target.resolveSibling(ReceiptNames.baseName(target) + ".xlsx");
				return Optional.of(ReceiptNames.keep(named, source, partial -> CleanReceipt.write(partial,
						receipt.heading(findings), FeedbackMarks.summary(findings), source)));
			}
			catch (IOException | RuntimeException ex) {
				log.info("未生成回执 (no receipt written): {} ({})", original.getFileName(), ex.toString());
				return Optional.empty();
			}
		}
		Map<String, String> explanations = submission == null ? Map.of() : submission.explanations();
		boolean copy = !ReceiptPrivacy.tooLargeToCopy(original);
		try (InputStream in = copy ? Files.newInputStream(original) : InputStream.nullInputStream();
				Workbook wb = copy ? WorkbookFactory.create(in)
						: target.getFileName().toString().endsWith(".xls") ? new HSSFWorkbook() : new XSSFWorkbook()) {
			if (copy) {
				ReceiptPrivacy.removePersonalData(wb, form, submission == null || submission.contact() == null
						? List.of() : Arrays.asList(submission.contact().reporter(), submission.contact().phone()));
				FeedbackMarks.mark(wb, findings);
			}
			FeedbackMarks.findingsSheet(wb, findings, explanations, receipt);
			ReceiptNames.markSource(wb, source);
			return Optional.of(ReceiptNames.keep(ReceiptNames.inItsFormat(target, wb), source, partial -> {
				try (OutputStream out = Files.newOutputStream(partial)) {
					wb.write(out);
				}
			}));
		}
		catch (IOException | RuntimeException ex) {
			log.info("未生成回执(文件无法作为工作簿打开) (no feedback workbook: file cannot be opened): {} ({})",
					original.getFileName(), ex.toString());
			return Optional.empty();
		}
	}

}

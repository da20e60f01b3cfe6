package org.edustat.load;

import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.edustat.core.Finding;
import org.edustat.core.Identity;
import org.edustat.core.LogText;
import org.edustat.core.ReferenceData;
import org.edustat.examine.Examined;
import org.edustat.intake.Inbox;
import org.edustat.intake.InboxFile;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.FindingStore;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerEntry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger entries of the outcomes that load no school data — ignored, unreadable,
 * duplicate, reference data and refused — and the entry every outcome is written as.
 */
final class LedgerEntries {

	/** Logs under the recorder's name, as the recording it is part of. */
	private static final Logger log = LoggerFactory.getLogger(FileRecorder.class);

	private final Ledger ledger;

	private final ReferenceStore references;

	private final FindingStore findings;

	private final Clock clock;

	LedgerEntries(Ledger ledger, ReferenceStore references, FindingStore findings, Clock clock) {
		this.ledger = ledger;
		this.references = references;
		this.findings = findings;
		this.clock = clock;
	}

	long ignored(Examined examined, @Nullable Long jobExecutionId) {
		return ledger.insert(entry(examined, "其他文件", null, null, null, null, FileStatus.IGNORED,
				Inbox.ignoredBecause(examined.file().fileName()).orElse("已忽略"), null, jobExecutionId));
	}

	void unreadable(Examined examined, @Nullable Long jobExecutionId) {
		boolean folder = Files.isDirectory(examined.file().path());
		String reason = (folder ? "文件夹无法读取(没有读取权限),其中的文件未处理" : "文件无法读取(没有读取权限),未处理、未移出收件箱") + ";请检查其权限,改正后下次运行即处理";
		log.warn("收件箱中无法读取的{},已登记为已忽略 (unreadable {} noted as ignored): {}", folder ? "文件夹" : "文件",
				folder ? "folder" : "file", LogText.of(examined.file().receivedPath()));
		ledger
			.insert(entry(examined, "其他文件", null, null, null, null, FileStatus.IGNORED, reason, null, jobExecutionId));
	}

	long duplicate(Examined examined, LedgerEntry earlier, @Nullable Long jobExecutionId) {
		String reason = "与已登记的文件#" + earlier.id() + "(" + earlier.receivedPath() + ")内容完全相同,未重复入库";
		log.debug("重复文件 (duplicate of #{}): {}", earlier.id(), examined.file().receivedPath());
		return ledger.insert(entry(examined, "重复", earlier.schoolId(), earlier.schoolName(), earlier.period(),
				earlier.districtCode(), FileStatus.DUPLICATE, reason, null, jobExecutionId));
	}

	long reference(Examined examined, @Nullable Long jobExecutionId) {
		ReferenceData data = Objects.requireNonNull(examined.reference());
		references.apply(data);
		String reason = "参考数据:区县" + data.districts().size() + "个,学校名录" + data.registry().size() + "所,年度目标"
				+ data.targets().size() + "项"
				+ (data.published().isEmpty() && data.refused().isEmpty() ? "" : ",历年数据" + data.published().size() + "项"
						+ (data.refused().isEmpty() ? "" : "(" + data.refused().size() + "处未采用,见各单元格)"));
		log.info("已应用参考数据 (reference data applied): {} — {}", examined.file().receivedPath(), reason);
		long id = ledger
			.insert(entry(examined, "参考数据", null, null, null, null, FileStatus.LOADED, reason, null, jobExecutionId));
		findings.insert(id, null, null, data.refused(), Map.of());
		return id;
	}

	long rejected(Examined examined, @Nullable Long jobExecutionId) {
		Identity identity = examined.identity() == null ? Identity.UNKNOWN : examined.identity();
		String school = identity.schoolId();
		String period = identity.period();
		String district = identity.districtCode();
		List<Finding> errors = examined.findings().stream().filter(Finding::isError).toList();
		for (Finding f : errors) {
			log.warn("已退回 rejected: file={} cell={} code={} 原因={} (reason: {})", examined.file().receivedPath(),
					f.cell(), f.code(), f.message(), f.reason());
		}
		String reason = errors.isEmpty() ? "已退回"
				: errors.get(0).message() + (errors.size() > 1 ? "(另有" + (errors.size() - 1) + "处错误)" : "");
		long id = ledger.insert(entry(examined, school == null && period == null ? "未识别" : "学校报表", school,
				identity.schoolName(), period, district, FileStatus.REJECTED, reason, null, jobExecutionId));
		findings.insert(id, school, period, examined.findings(), explanations(examined));
		return id;
	}

	LedgerEntry entry(Examined e, String kind, @Nullable String school, @Nullable String schoolName,
			@Nullable String period, @Nullable String district, FileStatus status, @Nullable String reason,
			@Nullable Long supersededBy, @Nullable Long jobExecutionId) {
		InboxFile f = e.file();
		return new LedgerEntry(0, f.receivedPath(), f.fileName(), f.size(), e.sha256(), f.modifiedAt(), clock.instant(),
				kind, school, schoolName, period, district, status, reason, supersededBy, e.archivePath(), false,
				jobExecutionId);
	}

	static Map<String, String> explanations(Examined examined) {
		return examined.submission() == null ? Map.of() : examined.submission().explanations();
	}

	static @Nullable String warnings(List<Finding> findings) {
		long count = findings.stream().filter(f -> !f.isError()).count();
		return count == 0 ? null : "有" + count + "条警告";
	}

}

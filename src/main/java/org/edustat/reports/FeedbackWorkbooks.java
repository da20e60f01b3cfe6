package org.edustat.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.edustat.core.Finding;
import org.edustat.core.Identity;
import org.edustat.core.SafeNames;
import org.edustat.core.Submission;
import org.edustat.form.Field;
import org.edustat.form.Form;
import org.edustat.normalise.Explanations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a school's feedback workbook (回执): a copy of what it sent with every offending cell filled (red for an
 * error, yellow for a warning) and commented with the rule code and message, and a sheet 审核结果 listing every
 * finding with a 说明 column the school fills to explain a warning and sends back.
 */
public class FeedbackWorkbooks {

	/** The folder of feedback workbooks under the output folder. */
	public static final String FOLDER = "回执";

	static final List<String> HEADER = List.of("序号", Explanations.CODE, "级别", Explanations.CELL, "问题描述", "涉及数值",
			Explanations.EXPLANATION + "(警告可填写说明)", "状态");

	private static final Logger log = LoggerFactory.getLogger(FeedbackWorkbooks.class);

	private final Path output;

	public FeedbackWorkbooks(Path output) {
		this.output = output.toAbsolutePath().normalize();
	}

	/**
	 * Where the feedback workbook of a file goes: 回执/2023H1/990102/学校名称_2023H1_回执.xlsx, under 未识别 when the
	 * period or 区县 could not be read. Texts from the workbook are reduced to safe names, and the path stays under the
	 * output folder.
	 */
	public Path target(Identity identity, String originalName) {
		String extension = originalName.toLowerCase(Locale.ROOT).endsWith(".xls") ? ".xls" : ".xlsx";
		Path root = output.resolve(FOLDER);
		Path target;
		if (identity == null || identity.period() == null || identity.districtCode() == null) {
			String base = originalName.contains(".") ? originalName.substring(0, originalName.lastIndexOf('.')) : originalName;
			target = root.resolve("未识别").resolve(SafeNames.of(base) + "_回执" + extension);
		}
		else {
			String school = identity.schoolName() != null ? identity.schoolName()
					: identity.schoolId() != null ? identity.schoolId() : "未识别学校";
			target = root.resolve(SafeNames.of(identity.period())).resolve(SafeNames.of(identity.districtCode()))
				.resolve(SafeNames.of(school) + "_" + SafeNames.of(identity.period()) + "_回执" + extension);
		}
		return SafeNames.under(root, target);
	}

	/**
	 * Writes the feedback workbook of a file with findings, next to nothing else; a file POI cannot open gets none.
	 * @return where it was written, if it was
	 */
	public Optional<Path> write(Path original, Submission submission, List<Finding> findings, Path target, Form form) {
		if (findings.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> explanations = submission == null ? Map.of() : submission.explanations();
		boolean copy = !tooLargeToCopy(original);
		try (InputStream in = copy ? Files.newInputStream(original) : InputStream.nullInputStream();
				Workbook wb = copy ? WorkbookFactory.create(in)
						: target.getFileName().toString().endsWith(".xls") ? new HSSFWorkbook() : new XSSFWorkbook()) {
			if (copy) {
				removePersonalData(wb, form);
				FeedbackMarks.mark(wb, findings);
			}
			FeedbackMarks.findingsSheet(wb, findings, explanations);
			Path written = inItsFormat(target, wb);
			Files.createDirectories(written.getParent());
			Path partial = written.resolveSibling(written.getFileName() + ".part");
			try (OutputStream out = Files.newOutputStream(partial)) {
				wb.write(out);
			}
			Files.move(partial, written, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return Optional.of(written);
		}
		catch (IOException | RuntimeException ex) {
			log.info("未生成回执(文件无法作为工作簿打开) (no feedback workbook: file cannot be opened): {} ({})", original.getFileName(), ex.toString());
			return Optional.empty();
		}
	}

	/** The target named for the format actually written: .xls for a binary workbook, .xlsx otherwise, whatever the name said. */
	static Path inItsFormat(Path target, Workbook wb) {
		String name = target.getFileName().toString();
		String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
		return target.resolveSibling(base + (wb instanceof HSSFWorkbook ? ".xls" : ".xlsx"));
	}

	/** Larger than a school workbook ever is: the 回执 then lists the findings alone, without copying the workbook. */
	static final long MAX_COPIED_FILE = 2L * 1024 * 1024;

	static final long MAX_COPIED_UNPACKED = 4L * 1024 * 1024;

	/**
	 * Whether opening the whole workbook to copy it could take more memory than a 回执 deserves: a file over 2 MB, or an
	 * .xlsx whose parts unpack to more than 4 MB (a hidden sheet of hundreds of thousands of rows, say).
	 */
	static boolean tooLargeToCopy(Path original) {
		try {
			if (Files.size(original) > MAX_COPIED_FILE) {
				return true;
			}
			try (ZipFile zip = new ZipFile(original.toFile())) {
				long unpacked = 0;
				for (var entries = zip.entries(); entries.hasMoreElements();) {
					long size = entries.nextElement().getSize();
					unpacked += size < 0 ? MAX_COPIED_UNPACKED : size;
				}
				return unpacked > MAX_COPIED_UNPACKED;
			}
		}
		catch (ZipException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	/**
	 * Blanks the values of the form's personal items (填报人, 联系电话), however the label is written (matched through the
	 * form's aliases): personal data stays in the database for follow-up only.
	 */
	private static void removePersonalData(Workbook wb, Form form) {
		for (Sheet sheet : wb) {
			for (Row row : sheet) {
				boolean personal = false;
				for (Cell cell : row) {
					if (personal) {
						cell.setBlank();
						continue;
					}
					String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
					personal = !text.isBlank() && form.basic().item(text).map(Field::personal).orElse(false);
				}
			}
		}
	}

}

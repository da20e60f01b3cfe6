package org.edustat.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;

import org.edustat.core.Finding;
import org.edustat.core.SafeNames;
import org.edustat.examine.Inspection;
import org.edustat.examine.Inspector;
import org.edustat.intake.Inbox;
import org.edustat.intake.WorkFolder;
import org.edustat.users.EdustatUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads into the inbox. A file is checked by its content (not its name) the same way the import checks it — type,
 * size, unpacked size, then the dry run of the audit rules — and what cannot be read as a workbook is refused with its
 * reason and never reaches the inbox.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class UploadController {

	private static final Set<String> UNREADABLE = Set.of("F01", "F02", "F03", "F04", "F05", "F06");

	private final Inspector inspector;

	private final WorkFolder workFolder;

	private final Inbox inbox;

	UploadController(Inspector inspector, Inbox inbox, WorkFolder workFolder) {
		this.inspector = inspector;
		this.inbox = inbox;
		this.workFolder = workFolder;
	}

	@GetMapping("/upload")
	String form(@AuthenticationPrincipal EdustatUser user, Model model) {
		model.addAttribute("user", user);
		return "upload";
	}

	@PostMapping("/upload")
	String upload(@AuthenticationPrincipal EdustatUser user, @RequestParam("file") MultipartFile file, Model model)
			throws IOException {
		model.addAttribute("user", user);
		String original = String.valueOf(file.getOriginalFilename());
		String base = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
		String name = SafeNames.of(base);
		Optional<String> ignored = Inbox.ignoredBecause(base);
		if (ignored.isPresent()) {
			model.addAttribute("name", name);
			model.addAttribute("refusal", ignored.get());
			return "upload";
		}
		Path temp = workFolder.createTempFile("edustat-upload", ".bin");
		try {
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			}
			Inspection inspection = inspector.inspectNow(temp);
			model.addAttribute("name", name);
			model.addAttribute("findings", inspection.findings());
			boolean unreadable = inspection.findings().stream().map(Finding::code).anyMatch(UNREADABLE::contains);
			if (unreadable) {
				model.addAttribute("refused", true);
				return "upload";
			}
			String district = inspection.identity().districtCode();
			if (user.district() != null && !user.district().equals(district)) {
				model.addAttribute("refusal", (district == null ? "读不出这份报表的行政区划代码" : "这份报表的行政区划代码为" + district)
						+ ",只能上传本区县(" + user.district() + ")学校的报表");
				return "upload";
			}
			Path folder = SafeNames.under(inbox.root(), inbox.root().resolve("上传").resolve(SafeNames.of(user.getUsername())));
			Files.createDirectories(folder);
			Path target = unused(folder, name);
			Path partial = folder.resolve("." + target.getFileName() + ".part");
			Files.copy(temp, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			name = target.getFileName().toString();
			model.addAttribute("name", name);
			model.addAttribute("accepted", true);
			model.addAttribute("errors", inspection.hasErrors());
			if (inspection.submission() != null) {
				model.addAttribute("school", inspection.submission().school().name() + " " + inspection.submission().period().label());
			}
			return "upload";
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** The name in the folder, or, if a file of that name waits there already, the name with (2), (3) … before its extension. */
	private static Path unused(Path folder, String name) {
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		String extension = dot > 0 ? name.substring(dot) : "";
		Path target = folder.resolve(name);
		for (int n = 2; Files.exists(target); n++) {
			target = folder.resolve(base + "(" + n + ")" + extension);
		}
		return target;
	}
}

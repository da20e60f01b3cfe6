package org.edustat.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;

import org.edustat.core.DistrictCode;
import org.edustat.core.Finding;
import org.edustat.intake.Inbox;
import org.edustat.intake.Intake;
import org.edustat.pipeline.KnownDistricts;
import org.edustat.pipeline.JobFiles;
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

	private final Intake intake;

	private final Inbox inbox;

	private final JobFiles rules;

	private final KnownDistricts knownDistricts;

	UploadController(Intake intake, Inbox inbox, JobFiles rules, KnownDistricts knownDistricts) {
		this.intake = intake;
		this.inbox = inbox;
		this.rules = rules;
		this.knownDistricts = knownDistricts;
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
		String name = Path.of(String.valueOf(file.getOriginalFilename())).getFileName().toString().replaceAll("[\\\\/:*?\"<>|]", "_");
		Optional<String> ignored = Inbox.ignoredBecause(name);
		if (ignored.isPresent() || name.isBlank()) {
			model.addAttribute("name", name);
			model.addAttribute("refusal", ignored.orElse("文件名为空"));
			return "upload";
		}
		Path temp = Files.createTempFile("edustat-upload", ".bin");
		try {
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			}
			Set<DistrictCode> districts = knownDistricts.get();
			Intake.Inspection inspection = intake.inspect(temp, districts::contains, rules.fresh());
			model.addAttribute("name", name);
			model.addAttribute("findings", inspection.findings());
			boolean unreadable = inspection.findings().stream().map(Finding::code).anyMatch(UNREADABLE::contains);
			if (unreadable) {
				model.addAttribute("refused", true);
				return "upload";
			}
			Path folder = inbox.root().resolve("上传").resolve(user.getUsername());
			Files.createDirectories(folder);
			Path partial = folder.resolve("." + name + ".part");
			Files.copy(temp, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			model.addAttribute("accepted", true);
			if (inspection.submission() != null) {
				model.addAttribute("school", inspection.submission().school().name() + " " + inspection.submission().period().label());
			}
			return "upload";
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}
}

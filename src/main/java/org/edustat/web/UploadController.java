package org.edustat.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.edustat.core.DistrictCode;
import org.edustat.core.Identity;
import org.edustat.core.SafeNames;
import org.edustat.intake.Inbox;
import org.edustat.intake.WorkFolder;
import org.edustat.pipeline.Uploads;
import org.edustat.season.Act;
import org.edustat.season.AuditTrail;
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
 * Uploads. A file is checked by its content (not its name) exactly as the run checks it,
 * and the page says the verdict the run would give: a workbook with an error is recorded
 * as 已退回 at once and its 回执 offered; one without errors goes into the inbox to load at
 * the next run.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class UploadController {

	private final Uploads uploads;

	private final WorkFolder workFolder;

	private final Downloads downloads;

	private final AuditTrail audit;

	UploadController(Uploads uploads, WorkFolder workFolder, Downloads downloads, AuditTrail audit) {
		this.audit = audit;
		this.uploads = uploads;
		this.workFolder = workFolder;
		this.downloads = downloads;
	}

	@GetMapping("/upload")
	String form(@AuthenticationPrincipal EdustatUser user, Model model) {
		model.addAttribute("user", user);
		return "upload";
	}

	@PostMapping("/upload")
	String upload(@AuthenticationPrincipal EdustatUser user, @RequestParam("file") MultipartFile file,
			HttpServletRequest request, Model model) throws IOException {
		model.addAttribute("user", user);
		String original = String.valueOf(file.getOriginalFilename());
		String base = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
		String name = SafeNames.of(base);
		model.addAttribute("name", name);
		Optional<String> ignored = Inbox.ignoredBecause(base);
		if (ignored.isPresent()) {
			model.addAttribute("refusal", ignored.get());
			return "upload";
		}
		Path folder = workFolder.createTempDirectory("edustat-upload");
		Path temp = folder.resolve(name);
		try {
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			}
			Uploads.Result result = uploads.receive(temp, user.getUsername(),
					user.district() == null ? null : new DistrictCode(user.district()), user.school());
			Identity identity = result.inspection().identity() == null ? Identity.UNKNOWN
					: result.inspection().identity();
			String verdict = switch (result.verdict()) {
				case QUEUED -> "放入收件箱";
				case REJECTED -> "退回";
				case NOT_YOURS -> "拒收（非本区县）";
			};
			audit.record(Act.UPLOAD, user.getUsername(), request.getRemoteAddr(), identity.period(),
					identity.districtCode(), identity.schoolId(), result.name() + "：" + verdict);
			model.addAttribute("name", result.name());
			model.addAttribute("findings", result.inspection().findings());
			result.school().ifPresent(school -> model.addAttribute("school", school));
			switch (result.verdict()) {
				case NOT_YOURS -> model.addAttribute("refusal", result.refusal());
				case QUEUED -> {
					model.addAttribute("accepted", true);
					model.addAttribute("warnings", !result.inspection().findings().isEmpty());
				}
				case REJECTED -> {
					model.addAttribute("rejected", true);
					result.receipt()
						.flatMap(path -> downloads.of(user, path))
						.ifPresent(item -> model.addAttribute("receipt", item));
				}
			}
			return "upload";
		}
		finally {
			Files.deleteIfExists(temp);
			Files.deleteIfExists(folder);
		}
	}

}

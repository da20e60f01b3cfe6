package org.edustat.web;

import java.nio.charset.StandardCharsets;

import org.edustat.load.Coverage;
import org.edustat.users.EdustatUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 报表: the reports and 回执 a user may see, and their download. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class ReportsController {

	private final Downloads downloads;

	private final Coverage coverage;

	ReportsController(Downloads downloads, Coverage coverage) {
		this.downloads = downloads;
		this.coverage = coverage;
	}

	@GetMapping("/reports")
	String reports(@AuthenticationPrincipal EdustatUser user, Model model) {
		model.addAttribute("items", downloads.visibleTo(user));
		model.addAttribute("districts", coverage.districtNames());
		model.addAttribute("user", user);
		return "reports";
	}

	@GetMapping("/download/{id}")
	ResponseEntity<FileSystemResource> download(@AuthenticationPrincipal EdustatUser user, @PathVariable String id) {
		if (!id.matches("[0-9a-f]{32}")) {
			return ResponseEntity.notFound().build();
		}
		return downloads.find(user, id)
			.map(item -> ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(item.name(), StandardCharsets.UTF_8)
							.build()
							.toString())
				.contentType(MediaType.parseMediaType(item.name().endsWith(".xls") ? "application/vnd.ms-excel"
						: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(new FileSystemResource(item.path())))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}

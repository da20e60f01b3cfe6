package org.edustat.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.edustat.load.ReferenceStore;
import org.edustat.season.Act;
import org.edustat.season.AuditTrail;
import org.edustat.season.SchoolAccounts;
import org.edustat.users.EdustatUser;
import org.edustat.users.Role;
import org.edustat.users.Users;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The administrator's page: the users and a form to add one. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class UsersController {

	private static final Logger log = LoggerFactory.getLogger(UsersController.class);

	private final Users users;

	private final ReferenceStore references;

	private final AuditTrail audit;

	private final SchoolAccounts schoolAccounts;

	UsersController(Users users, ReferenceStore references, AuditTrail audit, SchoolAccounts schoolAccounts) {
		this.schoolAccounts = schoolAccounts;
		this.audit = audit;
		this.users = users;
		this.references = references;
	}

	@GetMapping("/users")
	String list(@AuthenticationPrincipal EdustatUser user, Model model) {
		Map<String, String> districts = new LinkedHashMap<>();
		references.districts()
			.stream()
			.filter(d -> !d.isCity())
			.forEach(d -> districts.put(d.code().value(), d.name()));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> row : users.list()) {
			Map<String, Object> shown = Rows.caseInsensitiveCopy(row);
			shown.put("ROLE_LABEL", Role.valueOf(Objects.requireNonNull((String) row.get("ROLE"))).label());
			String code = (String) row.get("DISTRICT_CODE");
			shown.put("DISTRICT_LABEL", code == null ? "全市" : districts.getOrDefault(code, code) + "(" + code + ")");
			rows.add(shown);
		}
		model.addAttribute("users", rows);
		model.addAttribute("districts", districts);
		model.addAttribute("roles", Role.values());
		model.addAttribute("user", user);
		return "users";
	}

	@PostMapping("/users")
	String add(@AuthenticationPrincipal EdustatUser admin, @RequestParam String username, @RequestParam String password,
			@RequestParam Role role, @RequestParam(required = false) String district, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (!username.strip().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,49}") || password.length() < 8
				|| users.find(username.strip()).isPresent()) {
			redirect.addFlashAttribute("message", "用户名须为1–50个英文字母、数字、点、下划线或连字符(以字母或数字开头)且未被使用,密码至少8位");
			return "redirect:/users";
		}
		if (district != null && !district.isBlank() && !district.strip().matches("\\d{6}")) {
			redirect.addFlashAttribute("message", "区县代码须为6位数字");
			return "redirect:/users";
		}
		users.create(username.strip(), password, role,
				district == null || district.isBlank() ? null : district.strip());
		log.info("管理员添加用户 {}({}) (user added)", username.strip(), role.label());
		audit.record(Act.USER_CHANGED, admin.getUsername(), request.getRemoteAddr(), null,
				district == null || district.isBlank() ? null : district.strip(), null,
				"添加用户 " + username.strip() + "（" + role.label() + "）");
		redirect.addFlashAttribute("message", "已添加用户 " + username.strip());
		return "redirect:/users";
	}

	/**
	 * Makes the accounts the registry's schools lack; their first passwords come back
	 * once, as a ZIP of workbooks.
	 */
	@PostMapping("/users/schools")
	ResponseEntity<byte[]> schools(@AuthenticationPrincipal EdustatUser admin, HttpServletRequest request,
			HttpServletResponse response) {
		SchoolAccounts.Made made = schoolAccounts.make();
		audit.record(Act.USER_CHANGED, admin.getUsername(), request.getRemoteAddr(), null, null, null,
				"创建学校账号" + made.created() + "个（已有账号的学校" + made.existing() + "所）");
		if (made.created() == 0) {
			RequestContextUtils.getOutputFlashMap(request)
				.put("message", "没有需要创建账号的学校（学校名录中状态正常的" + made.existing() + "所学校都已有账号）");
			RequestContextUtils.saveOutputFlashMap("/users", request, response);
			return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/users").build();
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("学校账号.zip", StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/zip"))
			.body(made.zip());
	}

	@PostMapping("/users/{username}/disable")
	String disable(@AuthenticationPrincipal EdustatUser admin, @PathVariable String username,
			RedirectAttributes redirect) {
		return change(admin, username, redirect, "已停用用户 " + username + ",该用户不能再登录",
				() -> users.enable(username, false));
	}

	@PostMapping("/users/{username}/enable")
	String enable(@AuthenticationPrincipal EdustatUser admin, @PathVariable String username,
			RedirectAttributes redirect) {
		return change(admin, username, redirect, "已启用用户 " + username, () -> users.enable(username, true));
	}

	@PostMapping("/users/{username}/delete")
	String delete(@AuthenticationPrincipal EdustatUser admin, @PathVariable String username,
			RedirectAttributes redirect) {
		return change(admin, username, redirect, "已删除用户 " + username, () -> users.delete(username));
	}

	@PostMapping("/users/{username}/password")
	String password(@AuthenticationPrincipal EdustatUser admin, @PathVariable String username,
			@RequestParam String password, RedirectAttributes redirect) {
		if (password.length() < 8) {
			redirect.addFlashAttribute("message", "密码至少8位");
			return "redirect:/users";
		}
		return change(admin, username, redirect, "已重设用户 " + username + " 的密码",
				() -> users.resetPassword(username, password));
	}

	private static @Nullable String address() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : null;
	}

	private String change(EdustatUser admin, String username, RedirectAttributes redirect, String done,
			Runnable action) {
		if (users.find(username).isEmpty()) {
			redirect.addFlashAttribute("message", "没有用户 " + username);
		}
		else if (admin.getUsername().equals(username)) {
			redirect.addFlashAttribute("message", "不能停用、删除或在此重设自己的账号");
		}
		else {
			action.run();
			log.info("管理员 {}:{} (user changed)", admin.getUsername(), done);
			audit.record(Act.USER_CHANGED, admin.getUsername(), address(), null, null, null, done);
			redirect.addFlashAttribute("message", done);
		}
		return "redirect:/users";
	}

}

package org.edustat.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page: the users and a form to add one. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class UsersController {

	private final Users users;

	private final JdbcClient jdbc;

	UsersController(Users users, JdbcClient jdbc) {
		this.users = users;
		this.jdbc = jdbc;
	}

	@GetMapping("/users")
	String list(@AuthenticationPrincipal EdustatUser user, Model model) {
		model.addAttribute("users", jdbc.sql("select username, role, district_code from app_user order by username").query().listOfRows());
		model.addAttribute("roles", Role.values());
		model.addAttribute("user", user);
		return "users";
	}

	@PostMapping("/users")
	String add(@RequestParam String username, @RequestParam String password, @RequestParam Role role,
			@RequestParam(required = false) String district, RedirectAttributes redirect) {
		if (!username.strip().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,49}") || password.length() < 8
				|| users.find(username.strip()).isPresent()) {
			redirect.addFlashAttribute("message", "用户名须为1–50个英文字母、数字、点、下划线或连字符(以字母或数字开头)且未被使用,密码至少8位");
			return "redirect:/users";
		}
		if (district != null && !district.isBlank() && !district.strip().matches("\\d{6}")) {
			redirect.addFlashAttribute("message", "区县代码须为6位数字");
			return "redirect:/users";
		}
		users.create(username.strip(), password, role, district == null || district.isBlank() ? null : district.strip());
		redirect.addFlashAttribute("message", "已添加用户 " + username.strip());
		return "redirect:/users";
	}
}

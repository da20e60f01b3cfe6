package org.edustat.web;

import org.edustat.users.Passwords;
import org.edustat.users.Role;
import org.edustat.users.Users;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * On the first start of the web UI, creates the administrator: with the password of
 * EDUSTAT_ADMIN_PASSWORD, or a random one printed once to the console (never to the log).
 * There is no default password.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
class AdminBootstrap {

	private final Users users;

	AdminBootstrap(Users users) {
		this.users = users;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebApplicationContext) || users.count() > 0) {
			return;
		}
		String given = System.getenv("EDUSTAT_ADMIN_PASSWORD");
		String password = given != null && !given.isBlank() ? given : Passwords.random();
		users.create("admin", password, Role.ADMIN, null);
		if (given == null || given.isBlank()) {
			System.out.println("已创建管理员 admin,初始密码(只显示这一次): " + password
					+ "  (administrator created; initial password shown once)");
		}
	}

}

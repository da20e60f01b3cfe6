package org.edustat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.edustat.users.EdustatUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/** A user signed in with a first password handed out goes to 修改密码 before any other page. */
class FirstPassword implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (authentication != null && authentication.getPrincipal() instanceof EdustatUser user && user.mustChangePassword()
				&& !path.equals("/password") && !path.equals("/logout") && !path.equals("/error")) {
			response.sendRedirect(request.getContextPath() + "/password");
			return false;
		}
		return true;
	}
}

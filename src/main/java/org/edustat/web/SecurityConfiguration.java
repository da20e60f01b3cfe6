package org.edustat.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/** Form login, hashed passwords, CSRF on; 查看 reads, 统计员 launches, 管理员 manages users. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		// the page asked for before logging in is remembered for a page a person opened
		// (GET, not the browser's own
		// favicon or a script's request): a refused POST (a login flood without a token,
		// forwarded to /error) would
		// otherwise keep its whole form in a new session, 60 KB a request
		HttpSessionRequestCache pages = new HttpSessionRequestCache();
		pages.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod())
				&& request.getDispatcherType() == DispatcherType.REQUEST && !request.getRequestURI().contains("favicon")
				&& !request.getRequestURI().contains("/.well-known/") && request.getHeader("HX-Request") == null
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
				&& !accepts(request.getHeader("Accept"), "application/json")
				&& !accepts(request.getHeader("Accept"), "text/event-stream"));
		http.requestCache(cache -> cache.requestCache(pages));
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**")
			.permitAll()
			.requestMatchers("/password", "/email", "/error")
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/upload")
			.hasAnyRole("STATISTICIAN", "SCHOOL")
			.requestMatchers(HttpMethod.POST, "/school/**")
			.hasRole("SCHOOL")
			.requestMatchers(HttpMethod.GET, "/", "/upload", "/school", "/schools/**", "/receipts/**")
			.hasAnyRole("VIEWER", "SCHOOL")
			.requestMatchers(HttpMethod.POST, "/runs", "/runs/**", "/season/**")
			.hasRole("STATISTICIAN")
			.requestMatchers("/users/**")
			.hasRole("ADMIN")
			.anyRequest()
			.hasRole("VIEWER"))
			.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp
				.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self'; "
						+ "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	private static boolean accepts(String accept, String type) {
		return accept != null && accept.contains(type);
	}

}

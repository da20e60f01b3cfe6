package org.edustat.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.session.ManagerBase;
import org.apache.catalina.session.StandardManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most so many sessions at once (a city's users are hundreds; each anonymous visit of
 * the login page holds one for its token, 1.3 KB): a flood of visits from strangers is
 * answered 503 with a Chinese page once the server holds that many, instead of filling
 * the heap — those already logged in go on.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SessionLimit {

	private static final Logger log = LoggerFactory.getLogger(SessionLimit.class);

	private @Nullable volatile ManagerBase manager;

	private final int max;

	private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(2));

	SessionLimit(@Value("${edustat.web.max-sessions:20000}") int max) {
		this.max = max;
	}

	@Bean
	TomcatContextCustomizer boundedSessions() {
		return context -> {
			// Tomcat's own manager, made here if the context has none yet (Spring Boot
			// then configures it as its own)
			if (context.getManager() == null) {
				context.setManager(new StandardManager());
			}
			if (context.getManager() instanceof ManagerBase base) {
				base.setMaxActiveSessions(max);
				manager = base;
			}
		};
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	OncePerRequestFilter refusingNewSessionsWhenFull() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				ManagerBase sessions = manager;
				if (sessions != null && request.getSession(false) == null && sessions.getActiveSessions() >= max) {
					long now = System.nanoTime();
					long last = lastWarned.get();
					if (now - last > TimeUnit.MINUTES.toNanos(1) && lastWarned.compareAndSet(last, now)) {
						log.warn("会话已满({}个),新访问暂被拒绝,一分钟内不再重复提示 (session limit reached, new visitors refused with 503)",
								max);
					}
					response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
					response.setHeader("Retry-After", "60");
					response.setContentType("text/html;charset=UTF-8");
					response.getOutputStream()
						.write(("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>服务器繁忙</title>"
								+ "<h2>服务器繁忙</h2><p>同时访问的人数已达上限,请稍后再试。</p></html>")
							.getBytes(StandardCharsets.UTF_8));
					return;
				}
				chain.doFilter(request, response);
			}
		};
	}

}

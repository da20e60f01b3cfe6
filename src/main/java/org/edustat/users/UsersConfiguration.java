package org.edustat.users;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Wires the users of the web UI: their table, hashed passwords, and the lock after
 * repeated failed logins.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class UsersConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	LoginAttempts loginAttempts() {
		return new LoginAttempts(Clock.systemUTC());
	}

	@Bean
	Users users(JdbcClient jdbc, PasswordEncoder encoder, LoginAttempts attempts) {
		return new Users(jdbc, encoder, attempts);
	}

}

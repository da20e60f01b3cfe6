package org.edustat.web;

import org.edustat.season.Act;
import org.edustat.season.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Keeps every login, successful or not, in the audit trail with the name given and the
 * address it came from.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
class LoginEvents {

	private final AuditTrail audit;

	LoginEvents(AuditTrail audit) {
		this.audit = audit;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		audit.record(Act.LOGIN, event.getAuthentication().getName(), address(event.getAuthentication()), null, null,
				null, null);
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		audit.record(Act.LOGIN_FAILED, event.getAuthentication().getName(), address(event.getAuthentication()), null,
				null, null, event.getException().getClass().getSimpleName());
	}

	private static @Nullable String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

}

package dev.pulse.security.web;

import dev.pulse.security.PulseUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, however they authenticated. */
public final class CurrentUser {

    /** Implemented by the principals of sign-ins (password and OIDC). */
    public interface Holder {
        PulseUser pulseUser();
    }

    private CurrentUser() {
    }

    public static PulseUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null) {
            Object principal = authentication.getPrincipal();
            if (principal instanceof PulseUser user) {
                return user;
            }
            if (principal instanceof Holder holder) {
                return holder.pulseUser();
            }
        }
        throw new IllegalStateException("no Pulse user in this request; the security configuration should have refused it");
    }
}

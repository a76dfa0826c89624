package dev.pulse.report.security;

import dev.pulse.security.users.Users;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * An OIDC sign-in proves who someone is; Pulse's own user table says what they may see. The
 * provider's user name claim (default {@code preferred_username}) must name a user an admin has
 * created; anyone else is turned away.
 */
@Component
class PulseOidcUserService extends OidcUserService {

    private final Users users;
    private final String usernameClaim;

    PulseOidcUserService(Users users, @Value("${pulse.security.oidc.username-claim:preferred_username}") String usernameClaim) {
        this.users = users;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = super.loadUser(request);
        String username = signedIn.getClaimAsString(usernameClaim);
        return users.find(username == null ? "" : username)
                .filter(stored -> !stored.disabled())
                .map(stored -> new PulseOidcUser(signedIn, stored.user()))
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                        "'" + username + "' is not a Pulse user; ask an admin to create it.", null)));
    }
}

package dev.pulse.report.security;

import dev.pulse.security.PulseUser;
import dev.pulse.security.web.CurrentUser;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** An OIDC sign-in carrying the role and scope of the matching Pulse user. */
final class PulseOidcUser extends DefaultOidcUser implements CurrentUser.Holder {

    private final PulseUser user;

    PulseOidcUser(OidcUser signedIn, PulseUser user) {
        super(List.of(new SimpleGrantedAuthority(user.role().authority())), signedIn.getIdToken(), signedIn.getUserInfo());
        this.user = user;
    }

    @Override
    public PulseUser pulseUser() {
        return user;
    }

    @Override
    public String getName() {
        return user.name();
    }
}

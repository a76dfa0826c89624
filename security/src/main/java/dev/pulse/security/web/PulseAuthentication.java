package dev.pulse.security.web;

import dev.pulse.security.PulseUser;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A caller authenticated by an API token. */
public final class PulseAuthentication extends AbstractAuthenticationToken {

    private final PulseUser user;

    public PulseAuthentication(PulseUser user) {
        super(List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public PulseUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.name();
    }
}

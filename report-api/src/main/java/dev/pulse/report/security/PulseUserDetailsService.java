package dev.pulse.report.security;

import dev.pulse.security.PulseUser;
import dev.pulse.security.users.Users;
import dev.pulse.security.web.CurrentUser;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Password sign-in against pulse_user (BCrypt hashes). */
@Component
class PulseUserDetailsService implements UserDetailsService {

    private final Users users;

    PulseUserDetailsService(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.find(username)
                .filter(stored -> stored.passwordHash() != null)
                .map(stored -> new SignedIn(stored.user(), stored.passwordHash(), stored.disabled()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The signed-in person's details; erasing the password hash after sign-in keeps the session small. */
    static final class SignedIn extends User implements CurrentUser.Holder {

        private final PulseUser user;

        SignedIn(PulseUser user, String passwordHash, boolean disabled) {
            super(user.name(), passwordHash, !disabled, true, true, true,
                    List.of(new SimpleGrantedAuthority(user.role().authority())));
            this.user = user;
        }

        @Override
        public PulseUser pulseUser() {
            return user;
        }
    }
}

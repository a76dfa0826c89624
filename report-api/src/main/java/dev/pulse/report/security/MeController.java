package dev.pulse.report.security;

import dev.pulse.security.PulseUser;
import dev.pulse.security.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, and how people can sign in: what the dashboards need to adapt. */
@RestController
class MeController {

    record Me(String name, String role, String repId, List<String> teamIds) {
    }

    record Provider(String id, String name, String url) {
    }

    private final ObjectProvider<ClientRegistrationRepository> oidcProviders;

    MeController(ObjectProvider<ClientRegistrationRepository> oidcProviders) {
        this.oidcProviders = oidcProviders;
    }

    @Operation(summary = "The caller: name, role and scope (repId for a REP, teamIds for a MANAGER)")
    @GetMapping("/api/v1/me")
    Me me() {
        PulseUser user = CurrentUser.get();
        return new Me(user.name(), user.role().name(), user.repId(), List.copyOf(new TreeSet<>(user.teamIds())));
    }

    @Operation(summary = "The OIDC providers the login page offers besides the password form")
    @GetMapping("/api/v1/auth/providers")
    Map<String, List<Provider>> providers() {
        // Boot's in-memory repository is iterable; any other kind cannot be listed, so offers none
        List<Provider> providers = new ArrayList<>();
        if (oidcProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                ClientRegistration provider = (ClientRegistration) registration;
                providers.add(new Provider(provider.getRegistrationId(), provider.getClientName(),
                        "/oauth2/authorization/" + provider.getRegistrationId()));
            }
        }
        return Map.of("rows", providers);
    }
}

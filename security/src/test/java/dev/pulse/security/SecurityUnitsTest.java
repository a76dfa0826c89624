package dev.pulse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tokens, their hashes and the scopes of the roles, without a database (configured tokens only). */
class SecurityUnitsTest {

    @Test
    void shouldMakeUnguessableTokensAndStoreOnlyTheirSha256() {
        String token = TokenHash.newToken();
        assertThat(token).startsWith("pulse_").hasSize("pulse_".length() + 43);
        assertThat(TokenHash.newToken()).isNotEqualTo(token);
        // SHA-256 of "abc", as published in FIPS 180-2
        assertThat(TokenHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shouldAcceptConfiguredTokensExactlyAndNothingElseWithoutADatabase() {
        SecuritySettings settings = new SecuritySettings(List.of(new SecuritySettings.ConfiguredToken(
                "demo", Role.INGEST, null, null, "ingest-token-0123456789")), "admin-token-0123456789", null,
                "metrics-token-0123456789");
        TokenAuthenticator tokens = new TokenAuthenticator(settings, null, Clock.systemUTC());

        assertThat(tokens.authenticate("ingest-token-0123456789")).hasValueSatisfying(user -> {
            assertThat(user.role()).isEqualTo(Role.INGEST);
            assertThat(user.name()).isEqualTo("token:demo");
        });
        assertThat(tokens.authenticate("admin-token-0123456789")).map(PulseUser::role).hasValue(Role.ADMIN);
        assertThat(tokens.authenticate("metrics-token-0123456789")).hasValueSatisfying(user -> {
            assertThat(user.role()).isEqualTo(Role.METRICS);
            assertThat(user.scope().kind()).isEqualTo(AccessScope.Kind.NOTHING);
        });
        assertThat(tokens.authenticate("admin-token-012345678")).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
    }

    @Test
    void shouldRefuseAConfiguredTokenTooShortToBeSecret() {
        SecuritySettings settings = new SecuritySettings(List.of(), "short", null, null);
        assertThatThrownBy(() -> new TokenAuthenticator(settings, null, Clock.systemUTC()))
                .hasMessageContaining("at least 16 characters");
    }

    @Test
    void shouldGiveEachRoleItsScope() {
        assertThat(new PulseUser("a", Role.ADMIN, null, null).scope().kind()).isEqualTo(AccessScope.Kind.EVERYTHING);
        assertThat(new PulseUser("b", Role.BI, null, null).scope().kind()).isEqualTo(AccessScope.Kind.EVERYTHING);
        assertThat(new PulseUser("i", Role.INGEST, null, null).scope().kind()).isEqualTo(AccessScope.Kind.NOTHING);
        AccessScope manager = new PulseUser("m", Role.MANAGER, null, Set.of("east")).scope();
        assertThat(manager.coversTeam("east")).isTrue();
        assertThat(manager.coversTeam("west")).isFalse();
        assertThat(manager.mayAskForRep("anyone")).as("checked in the query against the team").isTrue();
        AccessScope rep = new PulseUser("r", Role.REP, "rep-1", null).scope();
        assertThat(rep.mayAskForRep("rep-1")).isTrue();
        assertThat(rep.mayAskForRep("rep-2")).isFalse();
        assertThat(rep.coversTeam("east")).isFalse();
        assertThatThrownBy(() -> new PulseUser("r", Role.REP, null, null)).hasMessageContaining("rep id");
        assertThatThrownBy(() -> new PulseUser("m", Role.MANAGER, null, Set.of())).hasMessageContaining("team");
        assertThat(Role.parse(" manager ")).hasValue(Role.MANAGER);
        assertThat(Role.parse("root")).isEmpty();
    }
}

package dev.pulse.report.admin;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.web.BadRequestException;
import dev.pulse.report.web.Parameters;
import dev.pulse.report.web.Rows;
import dev.pulse.security.PulseUser;
import dev.pulse.security.Role;
import dev.pulse.security.TokenAuthenticator;
import dev.pulse.security.audit.AuditEntry;
import dev.pulse.security.audit.AuditLog;
import dev.pulse.security.tokens.ApiTokens;
import dev.pulse.security.tokens.IssuedToken;
import dev.pulse.security.tokens.TokenSpec;
import dev.pulse.security.tokens.TokenView;
import dev.pulse.security.users.UserSpec;
import dev.pulse.security.users.UserView;
import dev.pulse.security.users.Users;
import dev.pulse.security.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN only (see ReportSecurity): API tokens, users and the audit log. Every change is audited. */
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

    private final ApiTokens tokens;
    private final TokenAuthenticator authenticator;
    private final Users users;
    private final AuditLog audit;

    AdminController(ApiTokens tokens, TokenAuthenticator authenticator, Users users, AuditLog audit) {
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.users = users;
        this.audit = audit;
    }

    @Operation(summary = "Issue an API token; the answer is the only time the token is shown")
    @PostMapping("/tokens")
    ResponseEntity<Map<String, Object>> issue(@RequestBody TokenRequest request) {
        Role role = role(request.role());
        String repId = Identifiers.check("repId", request.repId());
        String teamId = Identifiers.check("teamId", request.teamId());
        if (role == Role.REP && (repId == null || teamId != null)) {
            throw new BadRequestException(MessageCode.REP_TOKEN_SCOPE);
        }
        if (role == Role.MANAGER && (teamId == null || repId != null)) {
            throw new BadRequestException(MessageCode.MANAGER_TOKEN_SCOPE);
        }
        if (role != Role.REP && role != Role.MANAGER && (repId != null || teamId != null)) {
            throw new BadRequestException(MessageCode.UNSCOPED_TOKEN, role);
        }
        String name = request.name() == null || request.name().isBlank()
                ? role.name().toLowerCase() + (repId != null ? "-" + repId : teamId != null ? "-" + teamId : "")
                : Identifiers.check("name", request.name());
        PulseUser admin = CurrentUser.get();
        IssuedToken issued = tokens.issue(new TokenSpec(name, role, repId, teamId), admin.name());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tokenId", issued.tokenId().toString());
        details.put("role", role.name());
        details.put("repId", repId);
        details.put("teamId", teamId);
        audit.record(admin, "token.create", name, details);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", issued.token());
        body.put("tokenId", issued.tokenId());
        body.put("name", name);
        body.put("role", role.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @Operation(summary = "Every token issued, live or revoked, without secrets")
    @GetMapping("/tokens")
    Rows<TokenView> tokens() {
        return new Rows<>(tokens.list());
    }

    @Operation(summary = "Revoke a token: report-api refuses it at once, ingest within its token cache time")
    @DeleteMapping("/tokens/{tokenId}")
    ResponseEntity<Void> revoke(@PathVariable UUID tokenId) {
        PulseUser admin = CurrentUser.get();
        if (!tokens.revoke(tokenId, admin.name())) {
            return ResponseEntity.notFound().build();
        }
        authenticator.forgetCached();
        audit.record(admin, "token.revoke", tokenId.toString(), Map.of());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Create or change a user who signs in to the dashboards")
    @PutMapping("/users/{username}")
    ResponseEntity<Void> saveUser(@PathVariable String username, @RequestBody UserRequest request) {
        Identifiers.require("username", username);
        Role role = role(request.role());
        Set<String> teams = request.teamIds() == null ? Set.of() : Set.copyOf(request.teamIds());
        teams.forEach(team -> Identifiers.require("teamIds[]", team));
        Identifiers.check("repId", request.repId());
        if (request.password() != null && (request.password().length() < 12 || request.password().length() > 200)) {
            throw new BadRequestException(MessageCode.PASSWORD_LENGTH);
        }
        if (request.displayName() != null && request.displayName().length() > 200) {
            throw new BadRequestException(MessageCode.DISPLAY_NAME_LENGTH);
        }
        try {
            users.save(new UserSpec(username, request.password(), role, request.repId(), teams, request.displayName()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.USER_REFUSED, e.getMessage());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("role", role.name());
        details.put("repId", request.repId());
        details.put("teamIds", teams.stream().sorted().toList());
        details.put("passwordChanged", request.password() != null);
        audit.record(CurrentUser.get(), "user.save", username, details);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Every user, without password hashes")
    @GetMapping("/users")
    Rows<UserView> users() {
        return new Rows<>(users.list());
    }

    @Operation(summary = "The audit log, newest first: exports, imports, token and user changes")
    @GetMapping("/audit")
    Rows<AuditEntry> audit(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) Long before) {
        return new Rows<>(audit.recent(Parameters.limit(limit, 1000), before));
    }

    private static Role role(String value) {
        return Role.parse(value).orElseThrow(() -> new BadRequestException(
                MessageCode.PARAMETER_NOT_ONE_OF, "role", Arrays.toString(Role.values()), value));
    }
}

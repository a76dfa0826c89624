package dev.pulse.launcher.demo;

import dev.pulse.events.Json;
import dev.pulse.launcher.LaunchException;
import dev.pulse.launcher.token.AdminApi;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The people of the demo as users who can sign in: a manager of both demo teams and one user per
 * demo rep (user name = rep id), created through the admin API like any admin would.
 */
public final class DemoAccounts {

    public static final String MANAGER = "demo-manager";

    private final AdminApi admin;

    public DemoAccounts(URI report, String adminToken) {
        this.admin = new AdminApi(report, adminToken);
    }

    public void create(String password) {
        List<String> teams = List.copyOf(new TreeSet<>(DemoData.REPS.stream().map(DemoData.Rep::teamId).toList()));
        save(MANAGER, Map.of("password", password, "role", "MANAGER", "teamIds", teams, "displayName", "演示经理"));
        for (DemoData.Rep rep : DemoData.REPS) {
            save(rep.id(), Map.of("password", password, "role", "REP", "repId", rep.id(), "displayName", rep.name()));
        }
    }

    /** The user names, for the launcher's welcome lines. */
    public static String describe() {
        return MANAGER + " (both teams), " + DemoData.REPS.getFirst().id() + " … " + DemoData.REPS.getLast().id()
                + " (their own customers)";
    }

    private void save(String username, Map<String, Object> user) {
        try {
            HttpResponse<String> response = admin.send("PUT",
                    "/api/v1/admin/users/" + URLEncoder.encode(username, StandardCharsets.UTF_8),
                    Json.MAPPER.writeValueAsString(user));
            if (response.statusCode() != 204) {
                throw new LaunchException("could not create the demo user " + username + ": "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new LaunchException("could not create the demo user " + username + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while creating the demo users");
        }
    }
}

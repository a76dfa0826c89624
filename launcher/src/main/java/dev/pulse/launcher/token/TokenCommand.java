package dev.pulse.launcher.token;

import dev.pulse.events.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./pulse token create --role ROLE [--rep ID | --team ID] [--name NAME]}, {@code token list},
 * {@code token revoke ID}: the admin API from the shell. It authenticates with an ADMIN token from
 * PULSE_TOKEN (or PULSE_ADMIN_TOKEN) and talks to report-api (default http://localhost:8080, or --url).
 */
public final class TokenCommand {

    static final String USAGE = """
            usage: pulse token create --role REP|MANAGER|ADMIN|BI|INGEST|METRICS [--rep REP_ID | --team TEAM_ID] [--name NAME] [--url URL]
                   pulse token list [--url URL]
                   pulse token revoke TOKEN_ID [--url URL]
            The admin token comes from PULSE_TOKEN (or PULSE_ADMIN_TOKEN), as printed by ./pulse run.""";

    private final PrintStream out;
    private final PrintStream err;

    public TokenCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new TokenCommand(System.out, System.err).run(args, System.getenv()));
    }

    /** @return the exit code: 0 done, 1 refused by the server, 2 usage or connection error */
    public int run(String[] args, Map<String, String> environment) {
        List<String> rest = new ArrayList<>(List.of(args));
        String url = option(rest, "--url", "http://localhost:8080");
        String token = environment.getOrDefault("PULSE_TOKEN", environment.get("PULSE_ADMIN_TOKEN"));
        if (rest.isEmpty()) {
            return usage("give a subcommand");
        }
        if (token == null || token.isBlank()) {
            return usage("set PULSE_TOKEN to an ADMIN token (./pulse run prints one)");
        }
        String subcommand = rest.removeFirst();
        AdminApi admin = new AdminApi(URI.create(url), token);
        try {
            return switch (subcommand) {
                case "create" -> create(admin, rest);
                case "list" -> rest.isEmpty() ? show(admin.send("GET", "/api/v1/admin/tokens", null), 200)
                        : usage("unexpected " + rest);
                case "revoke" -> rest.size() == 1
                        ? show(admin.send("DELETE", "/api/v1/admin/tokens/" + rest.getFirst(), null), 204)
                        : usage("revoke takes one token id");
                default -> usage("unknown subcommand '" + subcommand + "'");
            };
        } catch (IOException e) {
            err.println("pulse token: cannot reach " + url + " (" + e.getMessage() + "); is Pulse running?");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private int create(AdminApi admin, List<String> rest) throws IOException, InterruptedException {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("role", option(rest, "--role", null));
        request.put("repId", option(rest, "--rep", null));
        request.put("teamId", option(rest, "--team", null));
        request.put("name", option(rest, "--name", null));
        if (!rest.isEmpty()) {
            return usage("unexpected " + rest);
        }
        if (request.get("role") == null) {
            return usage("--role is required");
        }
        HttpResponse<String> response = admin.send("POST", "/api/v1/admin/tokens", Json.MAPPER.writeValueAsString(request));
        if (response.statusCode() != 201) {
            return show(response, 201);
        }
        JsonNode body = Json.MAPPER.readTree(response.body());
        out.println(body.get("token").asString());
        err.println("Issued " + body.get("role").asString() + " token '" + body.get("name").asString() + "' (id "
                + body.get("tokenId").asString() + "). It is shown only now; revoke it with ./pulse token revoke ID.");
        return 0;
    }

    private int show(HttpResponse<String> response, int expected) {
        if (response.statusCode() == expected) {
            if (!response.body().isBlank()) {
                out.println(response.body());
            }
            return 0;
        }
        String detail = response.body();
        try {
            JsonNode problem = Json.MAPPER.readTree(response.body());
            detail = problem.path("detail").asString(response.body());
        } catch (RuntimeException notJson) {
            // keep the raw body
        }
        err.println("pulse token: " + response.statusCode() + " " + detail);
        return 1;
    }

    /** Removes {@code name value} from the arguments and returns the value, or the fallback. */
    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size()) {
            return fallback;
        }
        String value = args.get(at + 1);
        args.subList(at, at + 2).clear();
        return value;
    }

    private int usage(String problem) {
        err.println("pulse token: " + problem + "\n" + USAGE);
        return 2;
    }
}

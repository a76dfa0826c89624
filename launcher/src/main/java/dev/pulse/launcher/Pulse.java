package dev.pulse.launcher;

import dev.pulse.launcher.importing.ImportCommand;
import dev.pulse.launcher.token.TokenCommand;
import java.util.Arrays;

/**
 * The entry point of {@code pulse.jar}: the first argument names the command, the rest are its
 * options. Each command owns its parsing and its exit code.
 */
public final class Pulse {

    static final String USAGE = """
            usage: pulse <command> [options]
              run      start Pulse (broker, database, services, demo) and print the dashboard URL
              token    create, list or revoke API tokens (needs an ADMIN token in PULSE_TOKEN)
              import   import a follow-up or sales sheet (.xlsx, .xls, .csv) through the ingest API
              rebuild  with Pulse stopped: recompute every aggregate, flag and open alert from the input topics""";

    private Pulse() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "run" -> PulseLauncher.main(rest);
            case "token" -> TokenCommand.main(rest);
            case "rebuild" -> System.exit(RebuildCommand.run(rest));
            case "import" -> System.exit(ImportCommand.run(rest, System.getenv(), System.out, System.err));
            case "help", "-h", "--help" -> System.out.println(USAGE);
            default -> {
                System.err.println("pulse: unknown command '" + command + "'.\n" + USAGE);
                System.exit(2);
            }
        }
    }
}

package dev.pulse.launcher.importing;

import dev.pulse.importer.columns.EventKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * The options of {@code pulse import}, parsed and checked.
 *
 * @param rejected where the rejected rows go; by default beside the file, {@code NAME.rejected.csv}
 */
record ImportArguments(Path file, EventKind type, Path mapping, boolean dryRun, URI ingest, String token,
                       Path rejected, ZoneId zone, int batchSize) {

    static final String USAGE = """
            usage: pulse import FILE [--type followups|sales] [--mapping FILE] [--dry-run]
                                     [--ingest URL] [--rejected FILE] [--zone ZONE] [--batch N]
              FILE         .xlsx, .xls or .csv (UTF-8, UTF-8 with BOM or GBK/GB18030; comma, semicolon or tab)
              --type       followups (客户跟进记录表) or sales (销售记录表); guessed from the headers when absent
              --mapping    a JSON mapping file for headers Pulse does not know (see docs/import.md)
              --dry-run    read, convert and validate every row, post nothing
              --ingest     the ingest API (default $PULSE_INGEST_URL or http://localhost:8081); token from $PULSE_TOKEN
              --rejected   the rejected-rows CSV (default FILE.rejected.csv beside FILE)
              --zone       time zone of dates without one (default Asia/Shanghai)
              --batch      events per request (default 1000)
            exit: 0 every row accepted, 1 some rows rejected, 2 usage, file or ingest error""";

    static ImportArguments parse(String[] args, Map<String, String> env) {
        Path file = null;
        EventKind type = null;
        Path mapping = null;
        boolean dryRun = false;
        URI ingest = URI.create(env.getOrDefault("PULSE_INGEST_URL", "http://localhost:8081"));
        Path rejected = null;
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        int batch = 1_000;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--dry-run" -> dryRun = true;
                case "--type" -> type = parseType(value(args, ++i, arg));
                case "--mapping" -> mapping = Path.of(value(args, ++i, arg));
                case "--ingest" -> ingest = parseUri(value(args, ++i, arg));
                case "--rejected" -> rejected = Path.of(value(args, ++i, arg));
                case "--zone" -> zone = parseZone(value(args, ++i, arg));
                case "--batch" -> batch = parseBatch(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--") || file != null) {
                        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("which file? give the sheet to import");
        }
        if (rejected == null) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            rejected = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".rejected.csv");
        }
        return new ImportArguments(file, type, mapping, dryRun, ingest, env.get("PULSE_TOKEN"), rejected, zone, batch);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static EventKind parseType(String text) {
        return EventKind.parse(text);
    }

    private static URI parseUri(String text) {
        URI uri = URI.create(text);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--ingest must be an http(s) URL, not '" + text + "'");
        }
        return uri;
    }

    private static ZoneId parseZone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone '" + text + "' is not a time zone such as Asia/Shanghai");
        }
    }

    private static int parseBatch(String text) {
        try {
            int batch = Integer.parseInt(text);
            if (batch >= 1 && batch <= 50_000) {
                return batch;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new IllegalArgumentException("--batch must be a number from 1 to 50000");
    }
}

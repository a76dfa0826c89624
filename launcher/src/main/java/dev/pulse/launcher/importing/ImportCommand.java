package dev.pulse.launcher.importing;

import dev.pulse.importer.ImportSummary;
import dev.pulse.importer.Importer;
import dev.pulse.importer.ProgressBar;
import dev.pulse.importer.columns.Mapping;
import dev.pulse.importer.convert.Problem;
import dev.pulse.importer.ingest.IngestClient;
import dev.pulse.importer.sheet.Sheet;
import dev.pulse.importer.sheet.Sheets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code pulse import FILE ...}: posts a follow-up or sales sheet to the ingest API and prints
 * the summary. Rows are validated with ingest's configured rules (its pipeline above all), so a
 * row refused here is one ingest would refuse. Exit code 0 when every row was accepted, 1 when some were rejected (they are in
 * the rejected-rows file), 2 for a usage error, an unreadable file or a failing ingest.
 */
public final class ImportCommand {

    static final int MAX_PRINTED_PROBLEMS = 20;

    private ImportCommand() {
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        ImportArguments arguments;
        try {
            arguments = ImportArguments.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("pulse import: " + e.getMessage() + "\n" + ImportArguments.USAGE);
            return 2;
        }
        IngestRules rules;
        try {
            rules = IngestRules.read(env, servicesDir(env));
        } catch (RuntimeException e) {
            err.println("pulse import: ingest's configuration (pulse.pipeline.stages, pulse.ingest.allowed-clock-skew)"
                    + " cannot be used: " + e.getMessage());
            return 2;
        }
        try {
            ImportSummary summary = importFile(arguments, rules.importer(), err);
            out.print(summary.text());
            boolean chinese = summary.chinese();
            for (Problem problem : summary.problems().subList(0, Math.min(MAX_PRINTED_PROBLEMS, summary.problems().size()))) {
                out.printf(chinese ? "第 %d 行，%s：%s%n" : "row %d, %s: %s%n", problem.row(), problem.column(),
                        problem.reason(chinese));
            }
            if (summary.rejected() > 0) {
                out.printf(chinese ? "%,d 行被拒绝，原因写在 %s（在那里改正后导入该文件）%n"
                                : "%,d rejected rows with their reasons: %s (fix them there and import that file)%n",
                        summary.rejected(), arguments.rejected());
                return 1;
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("pulse import: no such file: " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("pulse import: " + e.getMessage());
            return 2;
        }
    }

    /** Where {@code ./pulse run} starts the services (the script passes it), else here. */
    static Path servicesDir(Map<String, String> env) {
        String home = env.get("PULSE_HOME");
        return Path.of(home == null || home.isBlank() ? "" : home);
    }

    private static ImportSummary importFile(ImportArguments arguments, Importer importer, PrintStream err)
            throws IOException {
        Mapping mapping = Mapping.NONE;
        if (arguments.mapping() != null) {
            try (InputStream in = Files.newInputStream(arguments.mapping())) {
                mapping = Mapping.read(in);
            }
        }
        Path rejected = arguments.rejected();
        boolean keep = false;
        try (Sheet sheet = Sheets.open(arguments.file()); OutputStream rejectedOut = Files.newOutputStream(rejected)) {
            ImportSummary summary = importer.run(arguments.file().getFileName().toString(), sheet,
                    new Importer.Options(arguments.type(), mapping, arguments.dryRun(), arguments.zone(), arguments.batchSize()),
                    new IngestClient(arguments.ingest(), arguments.token()), rejectedOut, new ProgressBar(err));
            keep = summary.rejected() > 0;
            return summary;
        } finally {
            if (!keep) {
                Files.deleteIfExists(rejected);
            }
        }
    }
}

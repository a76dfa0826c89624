package dev.pulse.importer;

import dev.pulse.importer.sheet.Sheet;
import dev.pulse.importer.sheet.Sheets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run in a JVM of its own with a small heap by {@link LargeCsvStreamingIT}: a dry run of one file (add --progress to see the bar). */
public final class LargeCsvDryRun {

    private LargeCsvDryRun() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        try (Sheet sheet = Sheets.open(file); OutputStream rejected = Files.newOutputStream(Path.of(args[1]))) {
            ImportSummary summary = Importer.withDefaults().run(file.getFileName().toString(), sheet,
                    new Importer.Options(null, null, true, null, 1_000), null, rejected,
                    args.length > 2 && args[2].equals("--progress") ? new ProgressBar(System.err) : ProgressBar.none());
            System.out.printf("read=%d accepted=%d rejected=%d customers=%d problems=%d omitted=%d millis=%d%n",
                    summary.rowsRead(), summary.accepted(), summary.rejected(), summary.customers(),
                    summary.problems().size(), summary.problemsOmitted(), summary.millis());
        }
    }
}

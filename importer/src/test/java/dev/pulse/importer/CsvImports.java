package dev.pulse.importer;

import dev.pulse.importer.ingest.EventSink;
import dev.pulse.importer.sheet.Sheet;
import dev.pulse.importer.sheet.Sheets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Imports a sheet with the default settings into a list instead of ingest: what a sheet becomes. */
final class CsvImports {

    /** The summary of the run and the events it would have posted, in order. */
    record Imported(ImportSummary summary, List<ObjectNode> events) {
    }

    private CsvImports() {
    }

    /** A CSV text, written to {@code fileName} in {@code dir}, imported in batches of 100. */
    static Imported importCsv(Path dir, String fileName, String csv) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return importSheet(file, 100);
    }

    /** A sheet file of any format, imported in batches of {@code batchSize}. */
    static Imported importSheet(Path file, int batchSize) throws IOException {
        List<ObjectNode> events = new ArrayList<>();
        try (Sheet sheet = Sheets.open(file)) {
            ImportSummary summary = Importer.withDefaults().run(file.getFileName().toString(), sheet,
                    new Importer.Options(null, null, false, null, batchSize), (kind, batch) -> {
                        events.addAll(batch);
                        return new EventSink.Outcome(batch.size(), List.of());
                    }, null, ProgressBar.none());
            return new Imported(summary, events);
        }
    }
}

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

/** Imports a CSV text with the default settings into a list instead of ingest: what a sheet becomes. */
final class CsvImports {

    /** The summary of the run and the events it would have posted, in order. */
    record Imported(ImportSummary summary, List<ObjectNode> events) {
    }

    private CsvImports() {
    }

    static Imported importCsv(Path dir, String fileName, String csv) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        List<ObjectNode> events = new ArrayList<>();
        try (Sheet sheet = Sheets.open(file)) {
            ImportSummary summary = Importer.withDefaults().run(fileName, sheet,
                    new Importer.Options(null, null, false, null, 100), (kind, batch) -> {
                        events.addAll(batch);
                        return new EventSink.Outcome(batch.size(), List.of());
                    }, null, ProgressBar.none());
            return new Imported(summary, events);
        }
    }
}

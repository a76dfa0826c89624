package dev.pulse.report.imports;

import dev.pulse.importer.ImportSummary;

/**
 * The answer to an upload: the importer's summary, plus the rejected rows as the CSV the user
 * downloads, fixes and uploads again (UTF-8 with BOM; empty when no row was rejected).
 */
record ImportResult(ImportSummary summary, String rejectedCsv, String rejectedFileName) {
}

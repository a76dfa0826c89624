package dev.pulse.importer.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A table read one row at a time, never whole: the first non-blank row is the header. Every
 * implementation streams (CSV, .xlsx) except .xls, whose format caps it at 65,536 rows.
 */
public interface Sheet extends Closeable {

    /** The header cells, stripped. */
    List<String> header();

    /** The next data row, or null at the end. Blank rows are skipped. */
    SheetRow next() throws IOException;

    /**
     * A fraction of the input consumed so far, 0..1, or -1 when the reader cannot tell (the
     * default: a streamed .xlsx does not know its row count ahead).
     */
    default double progress() {
        return -1;
    }

    /** How the input was decoded, e.g. "csv UTF-8 ';'" or "xlsx", for the summary. */
    String description();
}

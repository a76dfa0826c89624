package dev.pulse.importer.ingest;

import java.io.IOException;

/** Ingest could not be reached or answered neither 202 nor a 400 naming the refused records. */
public class IngestException extends IOException {

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether ingest could not be reached at all (refused connection, time-out), as opposed to answering. */
    public boolean unreachable() {
        return getCause() instanceof IOException;
    }
}

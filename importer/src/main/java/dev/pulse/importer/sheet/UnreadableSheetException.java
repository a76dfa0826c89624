package dev.pulse.importer.sheet;

import java.io.IOException;

/** The file is not a sheet Pulse can read: wrong format, damaged, or no header row. */
public class UnreadableSheetException extends IOException {

    public UnreadableSheetException(String message) {
        super(message);
    }

    public UnreadableSheetException(String message, Throwable cause) {
        super(message, cause);
    }
}

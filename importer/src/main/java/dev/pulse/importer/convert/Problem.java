package dev.pulse.importer.convert;

import dev.pulse.events.messages.Message;

/**
 * Why one row was rejected, in the user's terms.
 *
 * @param row      the row number shown by the spreadsheet
 * @param column   the sheet's header of the offending column (or the field name when no column fills it)
 * @param reason   what is wrong, in plain English words
 * @param code     the reason's stable code from Pulse's message catalogue (see {@link Reasons})
 * @param reasonZh what is wrong, in Chinese
 */
public record Problem(long row, String column, String reason, String code, String reasonZh) {

    /** A problem told in English: its code and Chinese text come from the catalogue. */
    public Problem(long row, String column, String reason) {
        this(row, column, Reasons.of(reason));
    }

    /** A problem as a message of the catalogue, in both languages. */
    public Problem(long row, String column, Message reason) {
        this(row, column, Reasons.of(reason));
    }

    private Problem(long row, String column, Reason reason) {
        this(row, column, reason.en(), reason.code(), reason.zh());
    }

    /** The reason in the sheet's language. */
    public String reason(boolean chinese) {
        return chinese ? reasonZh : reason;
    }
}

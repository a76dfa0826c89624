package dev.pulse.importer.convert;

/**
 * Why one row was rejected, in the user's terms.
 *
 * @param row    the row number shown by the spreadsheet
 * @param column the sheet's header of the offending column (or the field name when no column fills it)
 * @param reason what is wrong, in plain words
 */
public record Problem(long row, String column, String reason) {
}

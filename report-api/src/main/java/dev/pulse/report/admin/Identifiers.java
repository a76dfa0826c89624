package dev.pulse.report.admin;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.web.BadRequestException;
import java.util.regex.Pattern;

/** The shape of rep, team and user ids an admin may give: what the events allow, nothing exotic. */
final class Identifiers {

    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]{0,63}");

    private Identifiers() {
    }

    static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(MessageCode.PARAMETER_REQUIRED, field);
        }
        return check(field, value);
    }

    /** Null stays null; anything else must look like an id. */
    static String check(String field, String value) {
        if (value == null) {
            return null;
        }
        if (!ID.matcher(value).matches()) {
            throw new BadRequestException(MessageCode.NOT_AN_IDENTIFIER, field);
        }
        return value;
    }
}

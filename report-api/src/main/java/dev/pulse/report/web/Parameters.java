package dev.pulse.report.web;

import dev.pulse.events.messages.MessageCode;
import java.util.Arrays;
import java.util.Locale;

/** Query parameters that are a choice or a bounded number, refused with 400 and the allowed values. */
public final class Parameters {

    private Parameters() {
    }

    /** The constant named by the value, whatever its case; the raw value is not echoed back. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.PARAMETER_ONE_OF, parameter,
                    Arrays.stream(type.getEnumConstants()).map(Parameters::lower).toList());
        }
    }

    public static int between(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadRequestException(MessageCode.PARAMETER_OUT_OF_RANGE, parameter, min, max);
        }
        return value;
    }

    /** A page size from 1 to {@code max}, refused with 400 and the catalogue's own limit message. */
    public static int limit(int value, int max) {
        if (value < 1 || value > max) {
            throw new BadRequestException(MessageCode.LIMIT_OUT_OF_RANGE, max);
        }
        return value;
    }

    /** A trimmed text, null when blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}

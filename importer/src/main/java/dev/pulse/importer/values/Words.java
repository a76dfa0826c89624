package dev.pulse.importer.values;

import java.util.Locale;
import java.util.regex.Pattern;

/** The comparable form of a cell or a header: lower case, no spaces, underscores, dashes or brackets' units. */
public final class Words {

    private static final Pattern HINT = Pattern.compile("\\([^)]*\\)$");
    private static final Pattern NOISE = Pattern.compile("[\\s\\u3000_\\-*:：.]+");

    private Words() {
    }

    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('（', '(').replace('）', ')');
        // "成交金额(元)", "跟进时间（必填）": the bracket says the unit or a hint, not the column.
        lower = HINT.matcher(lower).replaceAll("");
        return NOISE.matcher(lower).replaceAll("");
    }
}

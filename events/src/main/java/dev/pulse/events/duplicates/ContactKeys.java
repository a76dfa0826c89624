package dev.pulse.events.duplicates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalised contact details, so that one person written three ways is recognised as one:
 * a phone keeps its digits only, with a +86, 0086 or 86 in front of an 11-digit mainland mobile
 * dropped; an email and a WeChat id are trimmed and lower-cased.
 */
public final class ContactKeys {

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final int MIN_PHONE_DIGITS = 5;

    private ContactKeys() {
    }

    /** @return the phone's comparable form, or null when it has too few digits to identify anyone */
    public static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[^0-9]", "");
        for (String prefix : new String[] {"0086", "86"}) {
            if (digits.startsWith(prefix) && MAINLAND_MOBILE.matcher(digits.substring(prefix.length())).matches()) {
                digits = digits.substring(prefix.length());
                break;
            }
        }
        return digits.length() < MIN_PHONE_DIGITS ? null : digits;
    }

    public static String email(String raw) {
        return trimmedLower(raw);
    }

    public static String wechat(String raw) {
        return trimmedLower(raw);
    }

    /** Every contact key of a customer record, typed so a phone never matches a WeChat id. */
    public static List<String> of(String phone, String email, String wechat) {
        List<String> keys = new ArrayList<>(3);
        add(keys, "phone:", phone(phone));
        add(keys, "email:", email(email));
        add(keys, "wechat:", wechat(wechat));
        return keys;
    }

    private static void add(List<String> keys, String type, String value) {
        if (value != null) {
            keys.add(type + value);
        }
    }

    private static String trimmedLower(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Content compared for duplicate entries: runs of whitespace, including the full-width space of
     * Chinese keyboards, folded to one space, ends trimmed.
     */
    public static String normalisedContent(String content) {
        return content == null ? "" : content.replaceAll("[\\s\u3000]+", " ").strip();
    }
}

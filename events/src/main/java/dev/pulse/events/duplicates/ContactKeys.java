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
     * Content compared for duplicate entries, without the whitespace that carries no meaning:
     * leading and trailing whitespace goes, a run inside is folded to one space, and a run next to
     * a CJK character or CJK / full-width punctuation goes entirely, because Chinese and Japanese
     * put no spaces between words ("已电话沟通，  客户有意向 " is "已电话沟通，客户有意向"). Whitespace is
     * every Unicode space, line break and tab, the full-width space U+3000 included. Between two
     * Latin words or numbers a space stays, so "call back" and "callback" remain two texts; Hangul
     * is not CJK here, since Korean separates its words with spaces.
     */
    public static String normalisedContent(String content) {
        if (content == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(content.length());
        int i = 0;
        while (i < content.length()) {
            int c = content.codePointAt(i);
            if (!isInvisibleSpace(c)) {
                out.appendCodePoint(c);
                i += Character.charCount(c);
                continue;
            }
            while (i < content.length() && isInvisibleSpace(content.codePointAt(i))) {
                i += Character.charCount(content.codePointAt(i));
            }
            boolean inside = !out.isEmpty() && i < content.length();
            if (inside && !isCjk(out.codePointBefore(out.length())) && !isCjk(content.codePointAt(i))) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /** Whitespace, the no-break and full-width spaces, and the zero-width space and BOM nobody sees. */
    private static boolean isInvisibleSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /** Han, kana, bopomofo and the CJK and full-width punctuation blocks; not Hangul. */
    private static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.HANGUL) {
            return false;
        }
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == Character.UnicodeBlock.VERTICAL_FORMS
                || block == Character.UnicodeBlock.SMALL_FORM_VARIANTS
                || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.HIRAGANA;
    }
}

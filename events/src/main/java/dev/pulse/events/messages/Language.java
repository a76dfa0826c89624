package dev.pulse.events.messages;

import java.util.List;
import java.util.Locale;

/** The two languages Pulse speaks to its users; English unless a reader asks for Chinese. */
public enum Language {
    EN, ZH;

    /**
     * The language an {@code Accept-Language} header asks for: the first of its ranges, by weight,
     * that is Chinese ({@code zh}, {@code zh-CN}, {@code zh-Hans}...) or English. Anything else, a
     * missing header or one that does not parse gets English, so a client that asks nothing keeps
     * the texts it has always read.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return EN;
        }
        for (Locale.LanguageRange range : ranges) {
            String tag = range.getRange();
            if (range.getWeight() <= 0) {
                continue;
            }
            if (tag.equals("zh") || tag.startsWith("zh-")) {
                return ZH;
            }
            if (tag.equals("en") || tag.startsWith("en-") || tag.equals("*")) {
                return EN;
            }
        }
        return EN;
    }
}

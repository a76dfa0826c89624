package dev.pulse.events.messages;

import java.util.Arrays;
import java.util.List;

/**
 * One message as code and arguments, rendered in a language only where it is shown, so that the
 * code that finds a problem need not know who reads about it.
 *
 * @param code  what the message says
 * @param field the field it is about, or null
 * @param args  the values of {@code {0}}, {@code {1}}...: numbers, names, the caller's own input
 */
public record Message(MessageCode code, String field, List<String> args) {

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(MessageCode code, Object... args) {
        return new Message(code, null, strings(args));
    }

    public static Message about(String field, MessageCode code, Object... args) {
        return new Message(code, field, strings(args));
    }

    /** The text in {@code language}; one pass, so braces in a caller's input are left as they are. */
    public String render(Language language) {
        String template = code.template(language);
        StringBuilder text = new StringBuilder(template.length() + 32);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            int end = c == '{' ? template.indexOf('}', i) : -1;
            String name = end < 0 ? null : template.substring(i + 1, end);
            if (name != null && name.equals("field")) {
                text.append(FieldNames.of(field, language));
                i = end;
            } else if (name != null && !name.isEmpty() && name.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(name) < args.size()) {
                text.append(args.get(Integer.parseInt(name)));
                i = end;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** The English text, as logs and exception messages give it. */
    public String en() {
        return render(Language.EN);
    }

    private static List<String> strings(Object... args) {
        return Arrays.stream(args).map(String::valueOf).toList();
    }
}

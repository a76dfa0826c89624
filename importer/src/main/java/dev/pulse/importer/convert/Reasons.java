package dev.pulse.importer.convert;

import dev.pulse.events.messages.Language;
import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row's reasons in both languages of a sheet, from Pulse's one message catalogue
 * ({@link MessageCode}). A reason the importer or a validator gives as a message keeps its code
 * and arguments; one that only arrives as English words (a refusal ingest answered, a date the
 * parser refused) is recognised by the catalogue's English templates. A text the catalogue does
 * not know keeps its English words in both languages under the code {@code OTHER}.
 */
public final class Reasons {

    /** The code of a reason the catalogue does not know. */
    public static final String OTHER = "OTHER";

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    /** A catalogue entry recognised by its English text; a field rule's text begins with the field. */
    private record Template(MessageCode code, Pattern english, boolean aboutField, int arguments) {
    }

    /**
     * The reasons a row can have: the validators' (V), ingest's reading of a body (I) and the
     * importer's own (R), in the catalogue's order, so a rule precedes a looser one of its family.
     */
    private static final List<Template> TEMPLATES = Arrays.stream(MessageCode.values())
            .filter(code -> code.code().matches("PULSE-[VIR].*") && code != MessageCode.REFUSED_BY_INGEST)
            .map(Reasons::template).toList();

    private Reasons() {
    }

    /** A message in both languages; a field rule's English names the field first, as the sheet's reader needs. */
    public static Reason of(Message message) {
        String en = message.en();
        boolean aboutField = message.field() != null && !message.field().isEmpty() && isFieldRule(message.code());
        return new Reason(message.code().code(), aboutField ? message.field() + " " + en : en,
                message.render(Language.ZH));
    }

    /** The code and the Chinese text of a reason given in English. */
    public static Reason of(String english) {
        String prefix = "refused by ingest: ";
        if (english.startsWith(prefix)) {
            Reason inner = of(english.substring(prefix.length()));
            return new Reason(inner.code(), english, Message.of(MessageCode.REFUSED_BY_INGEST, inner.zh()).render(Language.ZH));
        }
        for (Template template : TEMPLATES) {
            Matcher m = template.english().matcher(english);
            if (m.matches()) {
                int first = template.aboutField() ? 2 : 1;
                List<String> args = new ArrayList<>();
                for (int i = 0; i < template.arguments(); i++) {
                    args.add(m.group(first + i));
                }
                Message message = new Message(template.code(), template.aboutField() ? m.group(1) : null, args);
                return new Reason(template.code().code(), english, message.render(Language.ZH));
            }
        }
        return new Reason(OTHER, english, english);
    }

    /** The validators' rules: their English leaves the field out, a sheet's reason puts it first. */
    private static boolean isFieldRule(MessageCode code) {
        return code.code().startsWith("PULSE-V");
    }

    /** The English template as a pattern: its words literally, each argument any text. */
    private static Template template(MessageCode code) {
        String text = code.template(Language.EN);
        boolean aboutField = isFieldRule(code);
        StringBuilder regex = new StringBuilder(aboutField ? "(\\w+) " : "");
        Matcher m = ARGUMENT.matcher(text);
        int at = 0;
        int arguments = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(at, m.start()))).append("(.*)");
            at = m.end();
            arguments = Math.max(arguments, Integer.parseInt(m.group(1)) + 1);
        }
        regex.append(Pattern.quote(text.substring(at)));
        return new Template(code, Pattern.compile(regex.toString(), Pattern.DOTALL), aboutField, arguments);
    }
}

package dev.pulse.events.validation;

import dev.pulse.events.messages.Language;
import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;

/**
 * One rule a submitted record broke: which record (0-based), which field, and why, as a code with
 * its arguments; the reader's language is chosen where the error is shown.
 */
public record FieldError(int index, String field, Message reason) {

    public FieldError(int index, String field, MessageCode code, Object... args) {
        this(index, field, Message.about(field, code, args));
    }

    /** The stable code, such as {@code PULSE-V001}. */
    public String code() {
        return reason.code().code();
    }

    /** Why, in English and without the field's name, as ingest has always answered. */
    public String message() {
        return reason.en();
    }

    public String message(Language language) {
        return reason.render(language);
    }
}

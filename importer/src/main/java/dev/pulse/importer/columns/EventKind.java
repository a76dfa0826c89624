package dev.pulse.importer.columns;

import dev.pulse.events.InputEvent;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The two kinds of sheet: a 客户跟进记录表 becomes follow-ups, a 销售记录表 becomes sales. */
public enum EventKind {

    FOLLOWUPS(InputEvent.FOLLOW_UP, "contact", "note"),
    SALES(InputEvent.SALE, "customerName", "contact", "phone", "email", "wechat");

    private final InputEvent<?> event;
    private final List<String> fields;

    /**
     * @param read the columns the importer also reads without posting them as such (a contact split
     *             into phone, email or WeChat; a note appended to the content; a sale's customer details)
     */
    EventKind(InputEvent<?> event, String... read) {
        this.event = event;
        // every field of the event's record but its id: a field added to the record can be mapped at once
        this.fields = Stream.concat(Arrays.stream(event.type().getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !name.equals("eventId")), Arrays.stream(read)).toList();
    }

    /** The name used in event ids ("followup", "sale"). */
    public String eventType() {
        return event.name();
    }

    public String ingestPath() {
        return event.ingestPath();
    }

    /** The fields a column of this kind of sheet can fill; contact and note are read, not posted as such. */
    public List<String> fields() {
        return fields;
    }

    /** "followups" or "sales", as the CLI, the API and the mapping file write it. */
    public String option() {
        return event.plural();
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static EventKind parse(String option) {
        return switch (option == null ? "" : option.strip().toLowerCase(Locale.ROOT)) {
            case "followups", "followup", "follow-ups" -> FOLLOWUPS;
            case "sales", "sale" -> SALES;
            default -> throw new IllegalArgumentException("type must be followups or sales, not '" + option + "'");
        };
    }
}

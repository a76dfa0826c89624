package dev.pulse.importer.columns;

import dev.pulse.events.InputEvent;
import java.util.List;
import java.util.Locale;

/** The two kinds of sheet: a 客户跟进记录表 becomes follow-ups, a 销售记录表 becomes sales. */
public enum EventKind {

    FOLLOWUPS(InputEvent.FOLLOW_UP, List.of("customerId", "customerName", "contact", "phone", "email",
            "wechat", "company", "position", "repId", "repName", "teamId", "occurredAt", "channel", "content",
            "stage", "result", "nextFollowUpAt", "lostReason", "tags", "level", "source", "note")),
    SALES(InputEvent.SALE, List.of("orderId", "customerId", "customerName", "contact", "phone", "email",
            "wechat", "repId", "teamId", "product", "amount", "currency", "paymentMethod", "occurredAt",
            "shippingStatus"));

    private final InputEvent<?> event;
    private final List<String> fields;

    EventKind(InputEvent<?> event, List<String> fields) {
        this.event = event;
        this.fields = fields;
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

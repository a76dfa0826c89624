package dev.pulse.importer.values;

import dev.pulse.events.duplicates.ContactKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The ids an import derives, so that importing again, or the same person from another sheet, gives the same ids. */
public final class Ids {

    private Ids() {
    }

    /**
     * A customer without an id is named after its first normalised contact (phone, then email,
     * then WeChat, as {@link ContactKeys} compares them for duplicate flags): {@code C-} and 16 hex
     * digits of a name-based UUID. Null when the row has no usable contact.
     */
    public static String customerId(String phone, String email, String wechat) {
        List<String> keys = ContactKeys.of(phone, email, wechat);
        if (keys.isEmpty()) {
            return null;
        }
        UUID id = UUID.nameUUIDFromBytes(("pulse-customer:" + keys.getFirst()).getBytes(StandardCharsets.UTF_8));
        return "C-" + id.toString().replace("-", "").substring(0, 16);
    }

    /** A name-based UUID of the event type and the event's content as imported (its JSON without eventId). */
    public static UUID eventId(String type, String canonicalContent) {
        return UUID.nameUUIDFromBytes(("pulse-import:" + type + ":" + canonicalContent).getBytes(StandardCharsets.UTF_8));
    }
}

package dev.pulse.importer.convert;

import dev.pulse.importer.sheet.SheetRow;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One row after conversion and validation: the event to post (with its derived eventId) when it
 * passed every rule, otherwise its problems.
 *
 * @param lostReasonFrom the field a lost customer's reason was taken from when its 流失原因 was
 *                       empty ({@code result}, {@code note} or {@code content}), else null
 */
public record ConvertedRow(SheetRow row, ObjectNode event, String customerId, String customerName, String company,
                           List<Problem> problems, String lostReasonFrom) {

    public boolean isValid() {
        return problems.isEmpty();
    }
}

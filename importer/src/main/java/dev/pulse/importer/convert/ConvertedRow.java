package dev.pulse.importer.convert;

import dev.pulse.importer.sheet.SheetRow;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One row after conversion and validation: the event to post (with its derived eventId) when it
 * passed every rule, otherwise its problems.
 */
public record ConvertedRow(SheetRow row, ObjectNode event, String customerId, String customerName, String company,
                           List<Problem> problems) {

    public boolean isValid() {
        return problems.isEmpty();
    }
}

package dev.pulse.importer.ingest;

import dev.pulse.importer.columns.EventKind;
import java.io.IOException;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Where accepted rows go: the ingest API. A dry run has none. */
public interface EventSink {

    /** @return how many were accepted, or the refusals when the batch was refused (then none was written) */
    Outcome post(EventKind kind, List<ObjectNode> events) throws IOException;

    record Outcome(int accepted, List<Refusal> refusals) {
    }

    /** One record the server refused: its index in the batch, the field and why. */
    record Refusal(int index, String field, String message) {
    }
}

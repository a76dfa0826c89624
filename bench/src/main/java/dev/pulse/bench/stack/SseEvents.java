package dev.pulse.bench.stack;

/**
 * Reads a {@code text/event-stream} line by line into events, as a browser's EventSource does:
 * {@code event:} names the event ({@code message} when absent), {@code data:} lines are joined with
 * line breaks, a blank line ends the event, lines starting with a colon are comments. The freshness
 * probes need the data, not only the name: it says whose rows changed.
 */
public final class SseEvents {

    public record Event(String name, String data) {
    }

    private String name;
    private StringBuilder data;

    /** One line without its line break; returns the event it completes, or null. */
    public Event line(String line) {
        if (line.isEmpty()) {
            Event event = data == null ? null : new Event(name == null ? "message" : name, data.toString());
            name = null;
            data = null;
            return event;
        }
        if (line.startsWith(":")) {
            return null;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> {
                // id and retry mean nothing to the bench
            }
        }
        return null;
    }
}

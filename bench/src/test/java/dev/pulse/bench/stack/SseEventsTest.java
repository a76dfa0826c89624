package dev.pulse.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventsTest {

    @Test
    void shouldReadSpringsNamedEventsWithTheirData() {
        // what report-api's SseEmitter writes: no space after the colon
        assertThat(read("event:hello", "data:{\"at\":\"t0\"}", "", "event:activity",
                "data:{\"at\":\"t1\",\"repIds\":[\"probe-1\"]}", ""))
                .containsExactly(new SseEvents.Event("hello", "{\"at\":\"t0\"}"),
                        new SseEvents.Event("activity", "{\"at\":\"t1\",\"repIds\":[\"probe-1\"]}"));
    }

    @Test
    void shouldJoinDataLinesSkipCommentsAndNameUnnamedEventsMessage() {
        assertThat(read(": keep-alive", "id: 7", "data: first", "data:second", "", "event: funnel", ""))
                .as("one space after the colon is dropped; an event without data is not dispatched")
                .containsExactly(new SseEvents.Event("message", "first\nsecond"));
    }

    @Test
    void shouldNotDispatchBeforeTheBlankLine() {
        assertThat(read("event:activity", "data:{}")).isEmpty();
    }

    private static List<SseEvents.Event> read(String... lines) {
        SseEvents events = new SseEvents();
        List<SseEvents.Event> read = new ArrayList<>();
        for (String line : lines) {
            SseEvents.Event event = events.line(line);
            if (event != null) {
                read.add(event);
            }
        }
        return read;
    }
}

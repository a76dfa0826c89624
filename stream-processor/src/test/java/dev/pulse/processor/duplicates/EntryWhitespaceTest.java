package dev.pulse.processor.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.events.Json;
import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.events.duplicates.DuplicateType;
import dev.pulse.processor.PulseDriverExtension;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 17, defect 2, through the topology the service runs: a note typed again with whitespace
 * that means nothing (spaces around Chinese words and punctuation, full-width spaces, line breaks)
 * is a DUPLICATE_ENTRY on duplicate-flags; a note that differs by one meaningful character is not.
 * Every note is sent by C-1's rep R-7 within the minute 10:00 Shanghai time (02:00 UTC).
 */
class EntryWhitespaceTest {

    /** The validators' clock: after every event below, so none of them is "in the future". */
    private static final Instant VALIDATION_NOW = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant WALL_CLOCK = Instant.parse("2026-12-01T00:00:00Z");

    /** Its own application id and state dir per test: stale local state would carry entries over. */
    @RegisterExtension
    final PulseDriverExtension pulse = new PulseDriverExtension(VALIDATION_NOW, WALL_CLOCK);

    private TestOutputTopic<String, DuplicateFlag> flags;

    @BeforeEach
    void readFlags() {
        flags = pulse.driver().output("duplicate-flags", DuplicateFlag.class);
    }

    @Test
    void shouldFlagANoteRetypedWithSpacesAroundItsChineseWordsAndPunctuation() {
        // given: the pair, the copy padded and with two spaces after the full-width comma
        ObjectNode original = followUp("2026-11-03T10:00:05+08:00", "已电话沟通，客户有意向");
        ObjectNode retyped = followUp("2026-11-03T10:00:40+08:00", " 已电话沟通，  客户有意向 ");

        // when
        send(original);
        send(retyped);

        // then: one flag keyed by the note without any space; the hash worked out outside the code:
        // printf '%s' "已电话沟通，客户有意向" | sha256sum | cut -c1-16
        DuplicateFlag expected = entryFlag("69e32e3b6eba351e", List.of(eventId(original), eventId(retyped)),
                "2026-11-03T02:00:40Z", "2026-11-03T02:00:40Z");
        assertThat(flags.readKeyValuesToList()).containsExactly(KeyValue.pair(expected.flagId(), expected));
    }

    @Test
    void shouldFlagCopiesWithFullWidthSpacesLineBreaksAndTabsAsTheSameEntry() {
        // given: one note written four ways
        ObjectNode joined = followUp("2026-11-03T10:00:01+08:00", "电话沟通介绍产品客户要报价");
        ObjectNode fullWidth = followUp("2026-11-03T10:00:10+08:00", "电话沟通\u3000介绍产品\u3000\u3000客户要报价\u3000");
        ObjectNode lineBreaks = followUp("2026-11-03T10:00:20+08:00", "电话沟通\r\n介绍产品\n\n客户要报价\n");
        ObjectNode tabs = followUp("2026-11-03T10:00:30+08:00", "\t电话沟通 \t介绍产品 客户要报价");

        // when
        send(joined);
        send(fullWidth);
        send(lineBreaks);
        send(tabs);

        // then: the same flag three times, growing by one copy each time;
        // printf '%s' "电话沟通介绍产品客户要报价" | sha256sum | cut -c1-16
        List<KeyValue<String, DuplicateFlag>> published = flags.readKeyValuesToList();
        DuplicateFlag last = entryFlag("ed569293c939bd89",
                List.of(eventId(joined), eventId(fullWidth), eventId(lineBreaks), eventId(tabs)),
                "2026-11-03T02:00:10Z", "2026-11-03T02:00:30Z");
        assertThat(published).hasSize(3).extracting(kv -> kv.key).containsOnly(last.flagId());
        assertThat(published).extracting(kv -> kv.value.eventIds().size()).containsExactly(2, 3, 4);
        assertThat(published.getLast().value).isEqualTo(last);
    }

    @Test
    void shouldKeepNotesThatDifferByOneMeaningfulCharacterAsTwoEntries() {
        // given: 有 (has) and 无 (has no) intention, spaced alike; then two Latin notes one space apart
        send(followUp("2026-11-03T10:00:05+08:00", "已电话沟通， 客户有意向"));
        send(followUp("2026-11-03T10:00:15+08:00", "已电话沟通， 客户无意向"));
        send(followUp("2026-11-03T10:00:25+08:00", "call back Friday"));
        send(followUp("2026-11-03T10:00:35+08:00", "callback Friday"));

        // then: four follow-ups, no flag
        assertThat(flags.isEmpty()).isTrue();
    }

    private static DuplicateFlag entryFlag(String contentHash, List<String> eventIds, String firstSeenAt,
                                           String updatedAt) {
        return new DuplicateFlag(DuplicateType.DUPLICATE_ENTRY, "C-1/R-7/2026-11-03T02:00:00Z/" + contentHash,
                List.of("C-1"), List.of("R-7"), eventIds, Instant.parse(firstSeenAt), Instant.parse(updatedAt));
    }

    /** Records are keyed by customerId, as ingest writes them. */
    private void send(ObjectNode followUp) {
        pulse.driver().followups().pipeInput(followUp.get("customerId").asString(), followUp.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String eventId(ObjectNode followUp) {
        return followUp.get("eventId").asString();
    }

    /** A valid follow-up of C-1 by R-7 with a fresh eventId and its own WeChat id as the only contact. */
    private static ObjectNode followUp(String occurredAt, String content) {
        ObjectNode node = (ObjectNode) Json.MAPPER.readTree("""
                {"customerId": "C-1", "customerName": "客户C-1", "wechat": "wx-C-1", "repId": "R-7", "teamId": "T-EAST",
                 "channel": "PHONE", "stage": "QUALIFIED"}
                """);
        node.put("eventId", UUID.randomUUID().toString());
        node.put("occurredAt", occurredAt);
        node.put("content", content);
        return node;
    }
}

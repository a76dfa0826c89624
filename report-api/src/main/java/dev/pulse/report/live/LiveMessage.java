package dev.pulse.report.live;

import dev.pulse.events.Json;
import dev.pulse.report.projector.Owner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one report-api instance tells all of them through PostgreSQL NOTIFY: either the owners a
 * committed projection changed, per topic, or one event an API call caused (a dismissed flag).
 * A NOTIFY payload holds less than 8,000 bytes; a batch whose owners do not fit in one is sent as
 * several ({@link #payloads()}), so every stream still learns which reps' rows changed (at 2,000 reps
 * and 1,000 follow-ups/s nearly every batch names more reps than one payload holds).
 *
 * @param topics owners changed per topic, each owner as {@code [repId, teamId]} (null entries allowed)
 * @param event  an event name for every stream, or null
 */
record LiveMessage(Map<String, List<List<String>>> topics, String event) {

    /** PostgreSQL's limit is 8,000 bytes; kept under it with room to spare. */
    static final int MAX_PAYLOAD_BYTES = 7_000;

    static LiveMessage projected(Map<String, Set<Owner>> ownersByTopic) {
        Map<String, List<List<String>>> topics = new HashMap<>();
        ownersByTopic.forEach((topic, owners) -> topics.put(topic,
                owners.stream().map(owner -> listOf(owner.repId(), owner.teamId())).toList()));
        return new LiveMessage(topics, null);
    }

    static LiveMessage event(String event) {
        return new LiveMessage(Map.of(), event);
    }

    /** The JSON of a message that always fits: an event, or owners known to be few. */
    String payload() {
        return Json.MAPPER.writeValueAsString(this);
    }

    /**
     * The JSON sent: this message, or when it would not fit in one NOTIFY, its owners cut into
     * messages that each fit (the event, if any, rides on the first).
     */
    List<String> payloads() {
        String whole = payload();
        if (bytes(whole) <= MAX_PAYLOAD_BYTES) {
            return List.of(whole);
        }
        List<String> payloads = new ArrayList<>();
        Map<String, List<List<String>>> chunk = new HashMap<>();
        int size = bytes(payloadOf(Map.of(), event));
        for (Map.Entry<String, List<List<String>>> topic : topics.entrySet()) {
            for (List<String> owner : topic.getValue()) {
                // the owner's JSON, a comma, and the topic's key once per chunk: an upper bound of what it adds
                int adds = bytes(Json.MAPPER.writeValueAsString(owner)) + 1
                        + (chunk.containsKey(topic.getKey()) ? 0 : bytes(Json.MAPPER.writeValueAsString(topic.getKey())) + 4);
                if (size + adds > MAX_PAYLOAD_BYTES && !chunk.isEmpty()) {
                    payloads.add(payloadOf(chunk, payloads.isEmpty() ? event : null));
                    chunk = new HashMap<>();
                    size = bytes(payloadOf(Map.of(), null));
                    adds = bytes(Json.MAPPER.writeValueAsString(owner)) + 1 + bytes(Json.MAPPER.writeValueAsString(topic.getKey())) + 4;
                }
                chunk.computeIfAbsent(topic.getKey(), t -> new ArrayList<>()).add(owner);
                size += adds;
            }
        }
        if (!chunk.isEmpty()) {
            payloads.add(payloadOf(chunk, payloads.isEmpty() ? event : null));
        }
        return payloads;
    }

    private static String payloadOf(Map<String, List<List<String>>> topics, String event) {
        return Json.MAPPER.writeValueAsString(new LiveMessage(topics, event));
    }

    private static int bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }

    static LiveMessage parse(String payload) {
        return Json.MAPPER.readValue(payload, LiveMessage.class);
    }

    Map<String, Set<Owner>> ownersByTopic() {
        Map<String, Set<Owner>> owners = new HashMap<>();
        if (topics != null) {
            topics.forEach((topic, pairs) -> {
                Set<Owner> set = new HashSet<>();
                pairs.forEach(pair -> set.add(new Owner(pair.get(0), pair.size() > 1 ? pair.get(1) : null)));
                owners.put(topic, set);
            });
        }
        return owners;
    }

    private static List<String> listOf(String repId, String teamId) {
        List<String> pair = new ArrayList<>(2);
        pair.add(repId);
        pair.add(teamId);
        return pair;
    }
}

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
 * A NOTIFY payload holds less than 8,000 bytes; a batch whose owners do not fit is sent with the
 * unknown owner instead, which every stream hears without rep ids (told too much, never too little).
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

    /** The JSON sent; owners are dropped for the unknown owner when the whole would not fit. */
    String payload() {
        String json = Json.MAPPER.writeValueAsString(this);
        if (json.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES) {
            return json;
        }
        Map<String, List<List<String>>> anyone = new HashMap<>();
        topics.keySet().forEach(topic -> anyone.put(topic, List.of(listOf(null, null))));
        return Json.MAPPER.writeValueAsString(new LiveMessage(anyone, event));
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

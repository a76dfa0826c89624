package dev.pulse.processor.customer;

import dev.pulse.events.Json;
import dev.pulse.events.JsonSerde;
import dev.pulse.events.alerts.Alert;
import dev.pulse.events.alerts.AlertKind;
import dev.pulse.events.duplicates.DuplicateFlag;
import dev.pulse.processor.duplicates.CustomerReps;
import dev.pulse.processor.funnel.CustomerJourney;
import dev.pulse.processor.stale.CustomerWatch;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * The customers store's values in a compact binary form. Every event reads and writes its
 * customer's whole state; as JSON that was a third of the stream thread's time (a customer of ten
 * follow-ups is about 5 KB of text, parsed and printed per event). Here the bulk of the state (event
 * ids, fingerprints, touches, the journey, the activity rows) is lengths and UTF-8; the parts that
 * are rare and rich (duplicate flags, open alerts) stay JSON inside it, so their records can grow
 * without touching this class.
 *
 * <p>The first byte tells the format: {@link #FORMAT} here, {@code '{'} for a state written as JSON
 * by an earlier version, which is still read, so an existing state directory and changelog need no
 * migration. {@code CustomerStateSerdeTest} fails when a component is added to a record written here
 * and not to this class.
 */
public final class CustomerStateSerde implements Serde<CustomerState> {

    static final int FORMAT = 1;

    /** A state written as JSON by an earlier version, read as the JSON state stores are. */
    private static final Deserializer<CustomerState> EARLIER_JSON = JsonSerde.forState(CustomerState.class).deserializer();
    private static final TypeReference<Map<String, DuplicateFlag>> REPEATS = new TypeReference<>() { };
    private static final TypeReference<Map<AlertKind, Alert>> ALERTS = new TypeReference<>() { };

    @Override
    public Serializer<CustomerState> serializer() {
        return (topic, state) -> state == null ? null : write(state);
    }

    @Override
    public Deserializer<CustomerState> deserializer() {
        return (topic, bytes) -> bytes != null && bytes.length > 0 && bytes[0] == '{'
                ? EARLIER_JSON.deserialize(topic, bytes)
                : readOrNull(topic, bytes);
    }

    /** Null stays null (a tombstone); bytes that are no state of this format fail as Kafka expects. */
    private static CustomerState readOrNull(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return read(bytes);
        } catch (JacksonException | IllegalStateException | IllegalArgumentException e) {
            throw new SerializationException("not a customer state on " + topic + ": " + e.getMessage(), e);
        }
    }

    static byte[] write(CustomerState state) {
        StateBytes.Writer out = new StateBytes.Writer();
        out.write(FORMAT);
        out.strings(state.eventIds());
        out.varint(state.entries().size());
        state.entries().forEach((fingerprint, entry) -> {
            out.string(fingerprint);
            out.string(entry);
        });
        json(out, state.repeats().isEmpty() ? null : state.repeats());
        writeReps(out, state.reps());
        writeWatch(out, state.watch());
        writeJourney(out, state.journey());
        out.strings(state.activityRows());
        out.strings(state.sightings());
        return out.toByteArray();
    }

    static CustomerState read(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != FORMAT) {
            throw new IllegalStateException("unknown customer state format " + (bytes.length == 0 ? "(empty)" : bytes[0]));
        }
        StateBytes.Reader in = new StateBytes.Reader(bytes, 1);
        HashSet<String> eventIds = in.strings(new HashSet<>());
        int entryCount = in.count();
        Map<String, String> entries = new HashMap<>();
        for (int i = 0; i < entryCount; i++) {
            entries.put(in.string(), in.string());
        }
        Map<String, DuplicateFlag> repeats = json(in, REPEATS);
        CustomerState state = new CustomerState(eventIds, entries, repeats == null ? new HashMap<>() : new HashMap<>(repeats),
                readReps(in), readWatch(in), readJourney(in), in.strings(new HashSet<>()), in.strings(new HashSet<>()));
        if (!in.atEnd()) {
            throw new IllegalStateException("bytes left after the customer state");
        }
        return state;
    }

    private static void writeReps(StateBytes.Writer out, CustomerReps reps) {
        out.flag(reps != null);
        if (reps == null) {
            return;
        }
        out.varint(reps.byRep().size());
        reps.byRep().forEach((repId, touches) -> {
            out.string(repId);
            out.varint(touches.size());
            for (CustomerReps.Touch touch : touches) {
                out.instant(touch.at());
                out.string(touch.eventId());
            }
        });
        json(out, reps.flag());
    }

    private static CustomerReps readReps(StateBytes.Reader in) {
        if (!in.flag()) {
            return null;
        }
        int reps = in.count();
        // insertion order kept, as JSON kept it: the multi-rep flag lists reps in the order they came
        Map<String, List<CustomerReps.Touch>> byRep = new LinkedHashMap<>();
        for (int i = 0; i < reps; i++) {
            String repId = in.string();
            int touches = in.count();
            List<CustomerReps.Touch> list = new ArrayList<>(touches);
            for (int t = 0; t < touches; t++) {
                list.add(new CustomerReps.Touch(in.instant(), in.string()));
            }
            byRep.put(repId, list);
        }
        return new CustomerReps(byRep, json(in, DuplicateFlag.class));
    }

    private static void writeWatch(StateBytes.Writer out, CustomerWatch watch) {
        out.flag(watch != null);
        if (watch == null) {
            return;
        }
        out.string(watch.customerName());
        out.string(watch.repId());
        out.string(watch.teamId());
        out.string(watch.stage());
        out.instant(watch.lastFollowUpAt());
        out.instant(watch.nextFollowUpAt());
        json(out, watch.openAlerts().isEmpty() ? null : watch.openAlerts());
        out.strings(watch.dueKeys());
    }

    private static CustomerWatch readWatch(StateBytes.Reader in) {
        if (!in.flag()) {
            return null;
        }
        return new CustomerWatch(in.string(), in.string(), in.string(), in.string(), in.instant(), in.instant(),
                json(in, ALERTS), in.strings(new ArrayList<>()));
    }

    private static void writeJourney(StateBytes.Writer out, CustomerJourney journey) {
        out.flag(journey != null);
        if (journey == null) {
            return;
        }
        out.varint(journey.steps().size());
        for (CustomerJourney.Step step : journey.steps()) {
            out.instant(step.at());
            out.string(step.eventId());
            out.string(step.stage());
            out.string(step.repId());
            out.string(step.teamId());
            out.string(step.source());
        }
        out.varint(journey.orders().size());
        journey.orders().forEach((orderId, amount) -> {
            out.string(orderId);
            out.string(amount.toString()); // keeps the scale: 12800.50 stays 12800.50
        });
        out.varint(journey.currencies().size());
        journey.currencies().forEach((orderId, currency) -> {
            out.string(orderId);
            out.string(currency);
        });
    }

    private static CustomerJourney readJourney(StateBytes.Reader in) {
        if (!in.flag()) {
            return null;
        }
        int stepCount = in.count();
        List<CustomerJourney.Step> steps = new ArrayList<>(stepCount);
        for (int i = 0; i < stepCount; i++) {
            steps.add(new CustomerJourney.Step(in.instant(), in.string(), in.string(), in.string(), in.string(),
                    in.string()));
        }
        int orderCount = in.count();
        Map<String, BigDecimal> orders = new HashMap<>();
        for (int i = 0; i < orderCount; i++) {
            orders.put(in.string(), new BigDecimal(in.string()));
        }
        int currencyCount = in.count();
        Map<String, String> currencies = new HashMap<>();
        for (int i = 0; i < currencyCount; i++) {
            currencies.put(in.string(), in.string());
        }
        return new CustomerJourney(steps, orders, currencies);
    }

    /** A rare, rich part as JSON bytes (ISO-8601 times: exact to the nanosecond, as the rest); empty for null. */
    private static void json(StateBytes.Writer out, Object value) {
        out.bytes(value == null ? new byte[0] : Json.MAPPER.writeValueAsBytes(value));
    }

    private static <T> T json(StateBytes.Reader in, Class<T> type) {
        byte[] bytes = in.bytes();
        return bytes.length == 0 ? null : Json.MAPPER.readValue(bytes, type);
    }

    private static <T> T json(StateBytes.Reader in, TypeReference<T> type) {
        byte[] bytes = in.bytes();
        return bytes.length == 0 ? null : Json.MAPPER.readValue(bytes, type);
    }
}

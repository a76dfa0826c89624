package dev.pulse.report.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pulse.events.TopicNames;
import dev.pulse.report.projector.Owner;
import dev.pulse.security.AccessScope;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the dashboards: after each committed projection that changed an
 * aggregate they show, on whichever report-api instance projected it (heard through
 * {@link LiveListener}), every open stream whose caller may see the change gets an event named
 * after the aggregate. The event means "refetch"; what the page then reads is scoped again. Its
 * data also names the reps whose rows changed, as far as the caller may see them, so a client
 * watching a few reps (or the benchmark timing its own probe) knows which change it was.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    public static final String ACTIVITY = "activity";
    public static final String DUPLICATES = "duplicates";
    public static final String ALERTS = "alerts";
    public static final String FUNNEL = "funnel";

    /** One open stream and the scope of the caller who opened it. */
    private record Stream(SseEmitter emitter, AccessScope scope) {
    }

    /**
     * What an event carries. {@code repIds} are the reps whose rows changed and whom the caller may
     * see, sorted; null (left out of the JSON) when nobody's rows are known, as for "hello".
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(String at, List<String> repIds) {
    }

    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    /** Topic -> names of the events the dashboards listen for when its projection changed. */
    private final Map<String, List<String>> eventsByTopic;

    LiveUpdates(TopicNames topics) {
        this.eventsByTopic = Map.of(
                // one change carries activity and funnel deltas alike
                topics.changes(), List.of(ACTIVITY, FUNNEL),
                topics.sales(), List.of(ACTIVITY),
                topics.duplicateFlags(), List.of(DUPLICATES),
                topics.alerts(), List.of(ALERTS));
    }

    SseEmitter open(AccessScope scope) {
        SseEmitter emitter = new SseEmitter(0L);
        Stream stream = new Stream(emitter, scope);
        streams.add(stream);
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> streams.remove(stream));
        emitter.onError(e -> streams.remove(stream));
        send(stream, "hello", null);
        return emitter;
    }

    /** A committed projection changed these owners' figures, per topic. */
    public void projected(Map<String, Set<Owner>> ownersByTopic) {
        Map<String, Set<Owner>> ownersByEvent = new HashMap<>();
        ownersByTopic.forEach((topic, owners) -> eventsByTopic.getOrDefault(topic, List.of()).forEach(event ->
                ownersByEvent.computeIfAbsent(event, e -> new HashSet<>()).addAll(owners)));
        ownersByEvent.forEach((event, owners) -> streams.stream()
                .filter(stream -> owners.stream().anyMatch(owner -> mayConcern(stream.scope(), owner)))
                .forEach(stream -> send(stream, event, visibleRepIds(stream.scope(), owners))));
    }

    /** Tells every open stream of this instance that what {@code event} names has changed (a change made through the API). */
    void publish(String event) {
        streams.forEach(stream -> send(stream, event, null));
    }

    /** Every event to every stream: after missed notifications, each page refetches what it shows. */
    void publishEverything() {
        for (String event : List.of(ACTIVITY, FUNNEL, DUPLICATES, ALERTS)) {
            publish(event);
        }
    }

    /**
     * The reps of these owners a caller with this scope may be told of. Stricter than
     * {@link #mayConcern}: an owner without a team (a duplicate flag names reps only) still earns a
     * manager the event, but its rep is named only when the rep's team is known to be theirs, so an
     * event never names a rep the caller could not read.
     */
    static List<String> visibleRepIds(AccessScope scope, Set<Owner> owners) {
        TreeSet<String> repIds = new TreeSet<>();
        for (Owner owner : owners) {
            if (owner.repId() == null) {
                continue;
            }
            boolean visible = switch (scope.kind()) {
                case EVERYTHING -> true;
                case TEAMS -> owner.teamId() != null && scope.teamIds().contains(owner.teamId());
                case REP -> owner.repId().equals(scope.repId());
                case NOTHING -> false;
            };
            if (visible) {
                repIds.add(owner.repId());
            }
        }
        return List.copyOf(repIds);
    }

    /**
     * Whether a change of this owner's figures may show in this scope. An owner without a team (a
     * duplicate flag names reps only) concerns every manager, an unknown one everybody: a stream is
     * told too much rather than too little, and never any figure.
     */
    static boolean mayConcern(AccessScope scope, Owner owner) {
        return switch (scope.kind()) {
            case EVERYTHING -> true;
            case TEAMS -> owner.teamId() == null || scope.teamIds().contains(owner.teamId());
            case REP -> owner.repId() == null ? owner.teamId() == null : owner.repId().equals(scope.repId());
            case NOTHING -> false;
        };
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server's graceful shutdown, which would otherwise wait
     * its whole timeout for these never-ending requests. Browsers reconnect by themselves.
     */
    @Override
    public void stop() {
        running = false;
        streams.forEach(stream -> stream.emitter().complete());
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    int openStreams() {
        return streams.size();
    }

    private void send(Stream stream, String name, List<String> repIds) {
        try {
            stream.emitter().send(SseEmitter.event().name(name).data(new Change(Instant.now().toString(), repIds)));
        } catch (IOException | IllegalStateException e) {
            streams.remove(stream);
        }
    }
}

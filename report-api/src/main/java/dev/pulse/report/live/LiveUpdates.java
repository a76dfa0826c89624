package dev.pulse.report.live;

import dev.pulse.report.projector.ProjectionListener;
import dev.pulse.report.projector.ProjectorProperties;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the dashboards: after each committed projection that changed an
 * aggregate they show, every open stream gets an event named after the aggregate.
 */
@Component
public class LiveUpdates implements ProjectionListener, SmartLifecycle {

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    public static final String ACTIVITY = "activity";
    public static final String DUPLICATES = "duplicates";
    public static final String ALERTS = "alerts";
    public static final String FUNNEL = "funnel";

    /** Topic -> name of the event the dashboards listen for when its projection changed. */
    private final Map<String, String> eventByTopic;

    LiveUpdates(ProjectorProperties properties) {
        this.eventByTopic = Map.of(
                properties.topics().repActivity(), ACTIVITY,
                properties.topics().sales(), ACTIVITY,
                properties.topics().duplicateFlags(), DUPLICATES,
                properties.topics().alerts(), ALERTS,
                properties.topics().funnelCells(), FUNNEL);
    }

    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(0L);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        send(emitter, "hello");
        return emitter;
    }

    @Override
    public void projected(Set<String> topics) {
        topics.stream().map(eventByTopic::get).filter(java.util.Objects::nonNull).distinct().forEach(this::publish);
    }

    /** Tells every open stream that what {@code event} names has changed. */
    public void publish(String event) {
        emitters.forEach(emitter -> send(emitter, event));
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
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    int openStreams() {
        return emitters.size();
    }

    private void send(SseEmitter emitter, String name) {
        try {
            emitter.send(SseEmitter.event().name(name).data(Map.of("at", Instant.now().toString())));
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter);
        }
    }
}

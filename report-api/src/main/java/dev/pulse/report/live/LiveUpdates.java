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
    private final String activityTopic;
    private final String salesTopic;

    LiveUpdates(ProjectorProperties properties) {
        this.activityTopic = properties.topics().repActivity();
        this.salesTopic = properties.topics().sales();
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
        if (topics.contains(activityTopic) || topics.contains(salesTopic)) {
            emitters.forEach(emitter -> send(emitter, "activity"));
        }
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

package dev.pulse.report.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * LISTENs on {@link #CHANNEL} on a connection of its own (outside the pool, which it would hold for
 * ever) and hands each notification to this instance's open streams. After a lost connection it
 * reconnects and tells every stream to refetch, since notifications sent meanwhile are gone.
 */
@Component
class LiveListener implements SmartLifecycle {

    static final String CHANNEL = "pulse_live";

    private static final Logger log = LoggerFactory.getLogger(LiveListener.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final LiveUpdates updates;
    private final String url;
    private final String user;
    private final String password;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    LiveListener(LiveUpdates updates, Environment environment) {
        this.updates = updates;
        this.url = environment.getRequiredProperty("spring.datasource.url");
        this.user = environment.getProperty("spring.datasource.username");
        this.password = environment.getProperty("spring.datasource.password");
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("live-listener").start(this::listen);
    }

    private void listen() {
        boolean reconnected = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                listening = true;
                if (reconnected) {
                    updates.publishEverything();
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    log.warn("live updates not heard from PostgreSQL ({}); listening again in {}", e.toString(), RETRY);
                    reconnected = true;
                    sleep();
                }
            }
        }
        listening = false;
    }

    private void deliver(String payload) {
        try {
            LiveMessage message = LiveMessage.parse(payload);
            Map<String, Set<dev.pulse.report.projector.Owner>> owners = message.ownersByTopic();
            if (!owners.isEmpty()) {
                updates.projected(owners);
            }
            if (message.event() != null) {
                updates.publish(message.event());
            }
        } catch (RuntimeException e) {
            log.warn("live update not understood: {}", e.toString());
        }
    }

    /** Whether the LISTEN is in place (tests wait for it before they NOTIFY). */
    boolean isListening() {
        return listening;
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

}

package dev.pulse.launcher.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

/**
 * SIGKILLs services (or brokers) at random moments of a stream of events and, unless told to
 * leave them dead, starts them again. Each victim has its own thread and seeded random: its kills
 * fall at random points of the stream (so they land while events are posted, however fast the
 * machine) plus a random delay up to half a second (so they land inside requests and
 * transactions), and it is started again after a random pause.
 */
final class Chaos {

    /** A child process a test can SIGKILL and start again on the same state. */
    interface Victim {
        String name();

        /** SIGKILL, and wait until the process is gone. */
        void kill();

        /** Start again; return once it serves. */
        void start();
    }

    private final IntSupplier acknowledged;
    private final int total;
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kills = new AtomicInteger();
    private volatile boolean stopped;

    /** @param acknowledged events acknowledged so far; {@code total} when posting is over */
    Chaos(IntSupplier acknowledged, int total) {
        this.acknowledged = acknowledged;
        this.total = total;
    }

    /** Kills {@code victim} {@code times} times, between 5 % and 90 % of the stream, and starts it again each time. */
    Chaos kill(Victim victim, int times, long seed) {
        return kill(victim, times, seed, true);
    }

    /** Kills {@code victim} once, between 5 % and 90 % of the stream, and leaves it dead: the others must carry on. */
    Chaos killForGood(Victim victim, long seed) {
        return kill(victim, 1, seed, false);
    }

    private Chaos kill(Victim victim, int times, long seed, boolean restart) {
        Random random = new Random(seed);
        int[] moments = IntStream.generate(() -> total / 20 + random.nextInt(total * 85 / 100)).limit(times).sorted().toArray();
        Thread thread = Thread.ofPlatform().name("chaos-" + victim.name()).start(() -> {
            try {
                for (int moment : moments) {
                    while (acknowledged.getAsInt() < moment) {
                        if (stopped) {
                            return;
                        }
                        ServiceProcess.sleep(Duration.ofMillis(20));
                    }
                    ServiceProcess.sleep(Duration.ofMillis(random.nextInt(500)));
                    victim.kill();
                    log("SIGKILL %s at %,d of %,d events acknowledged (kill %d overall)", victim.name(),
                            acknowledged.getAsInt(), total, kills.incrementAndGet());
                    if (!restart) {
                        return;
                    }
                    ServiceProcess.sleep(Duration.ofMillis(200 + random.nextInt(1_300)));
                    long start = System.nanoTime();
                    victim.start();
                    log("%s answers again after %d ms", victim.name(), (System.nanoTime() - start) / 1_000_000);
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        threads.add(thread);
        return this;
    }

    /** No more kills: the posting failed, and the test must end rather than wait for moments that never come. */
    void stop() {
        stopped = true;
    }

    /** Waits for every planned kill and restart; rethrows what went wrong in any of them. */
    int awaitAll() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("chaos failed: " + failures.peek(), failures.peek());
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
        return kills.get();
    }

    static void log(String format, Object... arguments) {
        System.out.printf("[KillIT] " + format + "%n", arguments);
    }
}

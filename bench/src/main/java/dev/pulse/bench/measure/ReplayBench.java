package dev.pulse.bench.measure;

import dev.pulse.bench.generate.EventSink;
import dev.pulse.bench.generate.LoadGenerator;
import dev.pulse.bench.generate.Progress;
import dev.pulse.bench.results.BenchResults.HistoryLoad;
import dev.pulse.bench.results.BenchResults.Replay;
import dev.pulse.bench.results.Verdict;
import dev.pulse.bench.stack.KafkaTools;
import dev.pulse.bench.stack.Offsets;
import dev.pulse.events.FollowUp;
import dev.pulse.events.Json;
import dev.pulse.events.Sale;
import dev.pulse.events.PulseTopics;
import dev.pulse.events.Topic;
import dev.pulse.events.TopicAdmin;
import dev.pulse.events.TopicNames;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Replay: the generated history is first written straight to the follow-up and sale topics (the
 * pre-load), then the stream processor and the projector start on it, every topology with
 * exactly-once; the figure is input events per second from the first committed progress until
 * PostgreSQL holds everything the history makes. Beside it, ConsumerPerformance reads the same
 * follow-up topic, as many records.
 */
public final class ReplayBench {

    static final double TARGET = 30_000;
    static final double MOONSHOT = 100_000;
    static final Duration FULL_LOAD_TARGET = Duration.ofMinutes(30);

    private ReplayBench() {
    }

    /** The pre-loaded history's size, and how long writing it to Kafka took. */
    public record Loaded(long followUps, long sales, int customers, double seconds) {
        public long events() {
            return followUps + sales;
        }
    }

    /** Every topic the stream processor writes and the projector reads besides the inputs, from the catalogue. */
    public static List<String> derivedTopics(TopicNames t) {
        return PulseTopics.of(t).derived().stream().map(Topic::name).toList();
    }

    /**
     * Writes the generator's customers to the input topics until at least {@code followUps}
     * follow-ups are there ({@link Long#MAX_VALUE}: all of them): one producer, large lz4 batches
     * filled while the generator runs, so a million events take seconds rather than minutes.
     */
    public static Loaded preload(String bootstrap, TopicNames topics, LoadGenerator generator, long followUps)
            throws Exception {
        TopicAdmin.ensureTopics(bootstrap, dev.pulse.events.kafka.KafkaClientSettings.none(), topics, 30_000);
        awaitLeaders(bootstrap, List.of(topics.followups(), topics.sales()));
        long[] counts = new long[2];
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback check = (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        };
        long started = System.nanoTime();
        int customers;
        // One request in flight and no idempotence: order is kept without the sequence numbers that an
        // overloaded fresh broker answered with an endless OUT_OF_ORDER_SEQUENCE_NUMBER loop. Large
        // batches make one request carry a lot: the pre-load is bound by JSON and compression, not round trips.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 50,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new StringSerializer())) {
            EventSink sink = new EventSink() {
                @Override
                public void followUp(FollowUp f) {
                    producer.send(new ProducerRecord<>(topics.followups(), f.customerId(), Json.MAPPER.writeValueAsString(f)), check);
                    counts[0]++;
                }

                @Override
                public void sale(Sale s) {
                    producer.send(new ProducerRecord<>(topics.sales(), s.customerId(), Json.MAPPER.writeValueAsString(s)), check);
                    counts[1]++;
                }
            };
            if (followUps == Long.MAX_VALUE) {
                generator.generate(sink, Progress.onStderr("customers pre-loaded to Kafka", generator.scale().customers()));
                customers = generator.scale().customers();
            } else {
                customers = generator.generateFollowUps(followUps, sink, Progress.onStderr("follow-ups pre-loaded to Kafka", followUps));
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("pre-loading the history failed: " + failure.get().getMessage(), failure.get());
        }
        Loaded loaded = new Loaded(counts[0], counts[1], customers, (System.nanoTime() - started) / 1e9);
        System.err.printf("  %,d follow-ups and %,d sales of %,d customers in %.1f s (%,.0f events/s)%n", loaded.followUps(),
                loaded.sales(), customers, loaded.seconds(), loaded.events() / loaded.seconds());
        return loaded;
    }

    /**
     * How one run of the pipeline over a pre-loaded history went.
     *
     * @param activeSeconds    from the first committed progress (stream processor or projector) to the end
     * @param processorSeconds from the same start until the stream processor had caught up
     * @param startedSeconds   from starting the services to the end: what a user waits
     * @param counted          input events consumed after the first progress was seen
     * @param caughtUp         false when stopped at the timeout
     */
    public record Pipeline(double activeSeconds, double processorSeconds, double startedSeconds, long counted,
                           boolean caughtUp) {

        double perSec() {
            return counted / Math.max(activeSeconds, 1e-3);
        }

        double processorPerSec() {
            return counted / Math.max(processorSeconds, 1e-3);
        }
    }

    /**
     * Starts the stream processor and the report API (its projector) on the pre-loaded history and
     * waits until the processor has consumed every input, its repartition topics included, and the
     * projector has caught up on every topic it reads (twice in a row, since the processor's last
     * commit and the wall-clock stale check may still add a few records), or until {@code timeout}.
     */
    public static Pipeline runPipeline(PulseStack stack, StackSettings settings, Loaded loaded, Duration timeout)
            throws Exception {
        TopicNames t = settings.topics();
        List<TopicPartition> inputs = partitions(t.partitions(), t.followups(), t.sales());
        List<TopicPartition> all = new ArrayList<>(inputs);
        all.addAll(partitions(t.partitions(), derivedTopics(t).toArray(String[]::new)));
        Progress processed = Progress.onStderr("events through the stream processor", loaded.events());
        Progress projected = null;
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        // The processor first, so the projector's start-up (Flyway, Spring) runs while it already works.
        stack.startProcessor();
        stack.startReport();
        long firstAt = 0;
        long firstConsumed = 0;
        long processorDoneAt = 0;
        long reported = 0;
        long behindAtStart = 0;
        long caughtUpAt = 0;
        try (Offsets offsets = new Offsets(settings.kafkaBootstrap())) {
            while (true) {
                Offsets.Catchup processor = offsets.group(settings.processorApplicationId(), inputs);
                Offsets.Catchup projector = offsets.projector(settings.database().jdbcUrl(), settings.database().user(),
                        settings.database().password(), settings.projectorGroup(), all, inputs);
                long now = System.nanoTime();
                if (firstAt == 0 && (processor.consumed() > 0 || projector.consumed() > 0)) {
                    firstAt = now;
                    firstConsumed = processor.consumed();
                }
                if (processorDoneAt == 0) {
                    processed.advance(processor.consumed() - reported);
                    reported = processor.consumed();
                    if (processor.caughtUp() && processor.consumed() >= loaded.events()) {
                        processorDoneAt = now;
                        processed.done();
                        System.err.printf("  stream processor caught up after %.1f s; the projector is %,d records behind%n",
                                (now - firstAt) / 1e9, projector.behind());
                        behindAtStart = projector.behind();
                        projected = Progress.onStderr("records projected to PostgreSQL", Math.max(1, behindAtStart));
                    }
                } else {
                    long step = Math.max(0, behindAtStart - projector.behind()) - projected.count();
                    if (step > 0) {
                        projected.advance(step);
                    }
                    // Timed to the first of the two sightings: the second only confirms nothing more came.
                    caughtUpAt = projector.caughtUp() ? (caughtUpAt == 0 ? now : caughtUpAt) : 0;
                    if (caughtUpAt != 0 && caughtUpAt != now) {
                        projected.done();
                        return new Pipeline((caughtUpAt - firstAt) / 1e9, (processorDoneAt - firstAt) / 1e9,
                                (caughtUpAt - started) / 1e9, loaded.events() - firstConsumed, true);
                    }
                }
                if (now > deadline) {
                    System.err.printf("%n  ! stopped after %s: the stream processor had consumed %,d of %,d events%n",
                            timeout, processor.consumed(), loaded.events());
                    long from = firstAt == 0 ? started : firstAt;
                    double seconds = (now - from) / 1e9;
                    return new Pipeline(seconds, processorDoneAt == 0 ? seconds : (processorDoneAt - from) / 1e9,
                            (now - started) / 1e9, processor.consumed() - firstConsumed, false);
                }
                Thread.sleep(250);
            }
        }
    }

    /** ConsumerPerformance on the follow-up topic, then the whole pipeline over the pre-loaded history. */
    public static Measured measure(PulseStack stack, StackSettings settings, Loaded loaded, Duration timeout,
                                   boolean fullHistory) throws Exception {
        TopicNames topics = settings.topics();
        System.err.printf("  ConsumerPerformance: %,d records of %s%n", loaded.followUps(), topics.followups());
        double baseline = KafkaTools.consumerPerformance(settings.kafkaBootstrap(), topics.followups(), loaded.followUps());
        Pipeline run = runPipeline(stack, settings, loaded, timeout);
        // Stopped at the timeout, the projector's share is unknown: the processor's progress is all there is.
        double perSec = run.caughtUp() ? run.perSec() : run.processorPerSec();
        Replay replay = new Replay(IngestBench.round(perSec), IngestBench.round(run.processorPerSec()),
                IngestBench.round(baseline), IngestBench.round3(perSec / baseline), loaded.events(), loaded.followUps(),
                IngestBench.round3(run.activeSeconds()), run.caughtUp(), IngestBench.round3(perSec / MOONSHOT),
                Verdict.all(">= 30,000 events/s, Kafka to PostgreSQL (moonshot 100,000)",
                        Verdict.atLeast(">= 30,000 events/s", perSec, TARGET, "events/s"),
                        new Verdict("caught up", run.caughtUp(), run.caughtUp() ? "" : "not caught up after " + timeout)));
        double total = loaded.seconds() + run.startedSeconds();
        HistoryLoad load = new HistoryLoad(loaded.events(), IngestBench.round(loaded.seconds()),
                IngestBench.round(run.startedSeconds()), IngestBench.round(total), fullHistory,
                fullHistory ? Verdict.all("<= 30 min for the full history",
                        Verdict.atMost("<= 30 min", total / 60, FULL_LOAD_TARGET.toMinutes(), "min"),
                        new Verdict("all of it loaded", run.caughtUp(), run.caughtUp() ? "" : "stopped after " + timeout))
                        : null);
        return new Measured(replay, load);
    }

    /** The replay figure, and the same run read as the time its history took to load. */
    public record Measured(Replay replay, HistoryLoad load) {
    }

    /** A topic just created has no leader for a moment; records sent then only earn retries. */
    private static void awaitLeaders(String bootstrap, List<String> names) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                    .allMatch(t -> t.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the topics " + names + " have no leader after 60 s");
                }
                Thread.sleep(200);
            }
        }
    }

    /** Waits until the stream processor has caught up with everything posted so far. */
    public static void awaitProcessor(StackSettings settings, Duration timeout) throws Exception {
        TopicNames t = settings.topics();
        List<TopicPartition> inputs = partitions(t.partitions(), t.followups(), t.sales());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Offsets offsets = new Offsets(settings.kafkaBootstrap())) {
            while (!offsets.group(settings.processorApplicationId(), inputs).caughtUp()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the stream processor did not catch up within " + timeout);
                }
                Thread.sleep(200);
            }
        }
    }

    static List<TopicPartition> partitions(int count, String... topics) {
        return Stream.of(topics).flatMap(t -> IntStream.range(0, count).mapToObj(p -> new TopicPartition(t, p))).toList();
    }
}

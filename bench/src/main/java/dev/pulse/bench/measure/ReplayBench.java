package dev.pulse.bench.measure;

import dev.pulse.bench.generate.EventSink;
import dev.pulse.bench.generate.LoadGenerator;
import dev.pulse.bench.generate.Progress;
import dev.pulse.bench.results.BenchResults.Replay;
import dev.pulse.bench.results.Verdict;
import dev.pulse.bench.stack.KafkaTools;
import dev.pulse.bench.stack.Offsets;
import dev.pulse.events.FollowUp;
import dev.pulse.events.Json;
import dev.pulse.events.Sale;
import dev.pulse.events.TopicAdmin;
import dev.pulse.events.TopicNames;
import dev.pulse.launcher.stack.PulseStack;
import dev.pulse.launcher.stack.StackSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.Callback;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Replay: the generated history is first written straight to the follow-up and sale topics (the
 * pre-load), then the stream processor starts on it with exactly-once and every topology; the
 * figure is input events per second from its first committed progress until it has caught up,
 * repartition topics included. Beside it, ConsumerPerformance reads the same follow-up topic.
 * Afterwards the projector loads PostgreSQL from the processor's output, which is the data the
 * report measurement reads.
 */
public final class ReplayBench {

    private ReplayBench() {
    }

    /** The pre-loaded history's size. */
    public record Loaded(long followUps, long sales) {
        long events() {
            return followUps + sales;
        }
    }

    public static Loaded preload(String bootstrap, TopicNames topics, LoadGenerator generator) throws Exception {
        TopicAdmin.ensureTopics(bootstrap, topics, 30_000);
        awaitLeaders(bootstrap, List.of(topics.followups(), topics.sales()));
        long[] counts = new long[2];
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback check = (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        };
        // One request in flight and no idempotence: order is kept without the sequence numbers that an
        // overloaded fresh broker answered with an endless OUT_OF_ORDER_SEQUENCE_NUMBER loop.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new StringSerializer())) {
            generator.generate(new EventSink() {
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
            }, Progress.onStderr("customers pre-loaded to Kafka", generator.scale().customers()));
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("pre-loading the history failed: " + failure.get().getMessage(), failure.get());
        }
        return new Loaded(counts[0], counts[1]);
    }

    public static Replay measure(PulseStack stack, StackSettings settings, Loaded loaded) throws Exception {
        TopicNames topics = settings.topics();
        System.err.println("  ConsumerPerformance on " + topics.followups());
        double baseline = KafkaTools.consumerPerformance(settings.kafkaBootstrap(), topics.followups(), loaded.followUps());
        List<TopicPartition> inputs = partitions(topics.partitions(), topics.followups(), topics.sales());
        Progress progress = Progress.onStderr("events through the topologies", loaded.events());
        double seconds;
        long counted;
        try (Offsets offsets = new Offsets(settings.kafkaBootstrap())) {
            stack.startProcessor();
            long firstAt = 0;
            long firstConsumed = 0;
            long reported = 0;
            while (true) {
                Offsets.Catchup now = offsets.group(settings.processorApplicationId(), inputs);
                progress.advance(now.consumed() - reported);
                reported = now.consumed();
                if (firstAt == 0 && now.consumed() > 0) {
                    firstAt = System.nanoTime();
                    firstConsumed = now.consumed();
                }
                if (now.caughtUp() && now.consumed() >= loaded.events()) {
                    seconds = (System.nanoTime() - firstAt) / 1e9;
                    counted = now.consumed() - firstConsumed;
                    break;
                }
                Thread.sleep(100);
            }
        }
        progress.done();
        // A run so short that the first commit held everything has no steady state to speak of.
        double perSec = counted > 0 && seconds > 0 ? counted / seconds : loaded.events() / Math.max(seconds, 1e-3);
        double ratio = perSec / baseline;
        return new Replay(IngestBench.round(perSec), IngestBench.round(baseline), IngestBench.round3(ratio), loaded.events(),
                IngestBench.round3(seconds), Verdict.all(">= 100,000 events/s and >= 0.1 of ConsumerPerformance",
                Verdict.atLeast(">= 100,000 events/s", perSec, 100_000, "events/s"),
                Verdict.atLeast(">= 0.1 of ConsumerPerformance", ratio, 0.1, "x")));
    }

    /** Starts the projector and waits until PostgreSQL holds everything the processor wrote. */
    public static double project(PulseStack stack, StackSettings settings, Loaded loaded) throws Exception {
        TopicNames t = settings.topics();
        List<TopicPartition> plain = partitions(t.partitions(), t.followups(), t.sales());
        List<TopicPartition> all = new ArrayList<>(plain);
        all.addAll(partitions(t.partitions(), t.repActivity(), t.duplicateFlags(), t.alerts(), t.funnelCells()));
        long start = System.nanoTime();
        stack.startReport();
        Progress progress = Progress.onStderr("input events projected to PostgreSQL", loaded.events());
        try (Offsets offsets = new Offsets(settings.kafkaBootstrap())) {
            int caughtUpTwice = 0;
            long reported = 0;
            // Catching up on the input topics comes first; the aggregate topics (several rows per event) follow.
            while (caughtUpTwice < 2) {
                Thread.sleep(250);
                Offsets.Catchup now = offsets.projector(settings.database().jdbcUrl(), settings.database().user(),
                        settings.database().password(), settings.projectorGroup(), all, plain);
                progress.advance(now.consumed() - reported);
                reported = now.consumed();
                caughtUpTwice = now.caughtUp() ? caughtUpTwice + 1 : 0;
            }
        }
        progress.done();
        return (System.nanoTime() - start) / 1e9;
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
        return Stream.of(topics).flatMap(t -> java.util.stream.IntStream.range(0, count).mapToObj(p -> new TopicPartition(t, p)))
                .toList();
    }
}

package dev.pulse.bench.measure;

import dev.pulse.bench.generate.EventSink;
import dev.pulse.bench.generate.LoadGenerator;
import dev.pulse.bench.generate.Progress;
import dev.pulse.bench.results.BenchResults.Ingest;
import dev.pulse.bench.results.Verdict;
import dev.pulse.bench.stack.BenchInfrastructure;
import dev.pulse.bench.stack.KafkaTools;
import dev.pulse.events.FollowUp;
import dev.pulse.events.Json;
import dev.pulse.events.Sale;
import dev.pulse.importer.columns.EventKind;
import dev.pulse.importer.ingest.IngestClient;
import dev.pulse.launcher.stack.PulseStack;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follow-ups per second through the ingest API (NDJSON batches, a few clients in parallel, each
 * batch acknowledged by Kafka with acks=all before the 202) beside Kafka's ProducerPerformance
 * writing records of the same mean size with the same acks to a topic of the same broker, as many
 * records as the replay (on a few thousand it measures its own JVM warming up).
 */
public final class IngestBench {

    static final int BATCH = 500;
    static final int CLIENTS = 4;
    /** Batches posted before the clock starts: the JIT and the producer's connections. */
    static final int WARM_UP_BATCHES = 20;

    private IngestBench() {
    }

    public static Ingest run(BenchInfrastructure infra, LoadGenerator generator, long baselineRecords) throws Exception {
        List<String> batches = new ArrayList<>();
        long[] bytes = {0};
        int[] events = {0};
        StringBuilder batch = new StringBuilder();
        int[] inBatch = {0};
        generator.generate(new EventSink() {
            @Override
            public void followUp(FollowUp followUp) {
                String line = Json.MAPPER.writeValueAsString(followUp);
                bytes[0] += line.getBytes(StandardCharsets.UTF_8).length;
                events[0]++;
                batch.append(line).append('\n');
                if (++inBatch[0] == BATCH) {
                    batches.add(batch.toString());
                    batch.setLength(0);
                    inBatch[0] = 0;
                }
            }

            @Override
            public void sale(Sale sale) {
                // the ingest figure is about follow-ups, the bulk of the traffic
            }
        }, Progress.onStderr("customers (ingest load)", generator.scale().customers()));
        if (inBatch[0] > 0) {
            batches.add(batch.toString());
        }
        int recordBytes = (int) (bytes[0] / events[0]);

        PulseStack stack = new PulseStack(infra.settings("ingest", Duration.ofSeconds(10), List.of()));
        double perSec;
        try {
            stack.startIngest();
            // the bench's own stack, posted to with its own INGEST token
            IngestClient client = new IngestClient(URI.create("http://localhost:" + stack.ingestPort()),
                    stack.settings().credentials().ingestToken());
            int warmUp = Math.min(WARM_UP_BATCHES, batches.size() / 5);
            for (int i = 0; i < warmUp; i++) {
                client.postAll(EventKind.FOLLOWUPS, batches.get(i));
            }
            List<String> measured = batches.subList(warmUp, batches.size());
            long measuredEvents = measured.stream().mapToLong(b -> b.chars().filter(c -> c == '\n').count()).sum();
            Progress progress = Progress.onStderr("follow-ups posted", measuredEvents);
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < measured.size(); i = next.getAndIncrement()) {
                            String body = measured.get(i);
                            client.postAll(EventKind.FOLLOWUPS, body);
                            progress.advance(body.chars().filter(ch -> ch == '\n').count());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : clients) {
                    f.get();
                }
            }
            perSec = measuredEvents / ((System.nanoTime() - start) / 1e9);
            progress.done();
            events[0] = (int) measuredEvents;
        } finally {
            stack.close();
        }
        infra.dropScenario(stack.settings(), "ingest");
        System.err.printf("  ProducerPerformance: %,d records of %d bytes, acks=all%n", baselineRecords, recordBytes);
        double baseline = KafkaTools.producerPerformance(infra.bootstrapServers(), "bench-producer-perf", baselineRecords,
                recordBytes, "all");
        infra.deleteTopics("bench-producer-perf");
        double ratio = perSec / baseline;
        return new Ingest(round(perSec), round(baseline), round3(ratio), events[0], recordBytes, BATCH, CLIENTS, "all",
                baselineRecords, Verdict.atLeast(">= 0.5 of ProducerPerformance", ratio, 0.5, "x"));
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

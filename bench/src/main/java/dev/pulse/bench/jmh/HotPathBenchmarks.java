package dev.pulse.bench.jmh;

import dev.pulse.bench.generate.EventSink;
import dev.pulse.bench.generate.LoadGenerator;
import dev.pulse.bench.generate.Progress;
import dev.pulse.bench.generate.Scale;
import dev.pulse.events.FollowUp;
import dev.pulse.events.Json;
import dev.pulse.events.Sale;
import dev.pulse.events.duplicates.ContactKeys;
import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.Validated;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;

/**
 * The per-record work every follow-up meets on its way in (ingest and the stream processor's
 * intake): JSON to tree, validation, tree to record, record to JSON, contact keys. Each call
 * handles one generated follow-up, cycling through 1,024 of them so no single shape is favoured.
 * Run with {@code ./pulse bench --jmh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HotPathBenchmarks {

    private final List<FollowUp> records = new ArrayList<>();
    private final List<String> json = new ArrayList<>();
    private final List<JsonNode> trees = new ArrayList<>();
    private final FollowUpValidator validator = FollowUpValidator.withDefaults();
    private int next;

    @Setup
    public void generate() {
        new LoadGenerator(new Scale(2, 5, 200, 60), 7, Instant.now()).generate(new EventSink() {
            public void followUp(FollowUp f) {
                if (records.size() < 1_024) {
                    records.add(f);
                    json.add(Json.MAPPER.writeValueAsString(f));
                    trees.add(Json.MAPPER.readTree(json.getLast()));
                }
            }

            public void sale(Sale s) {
            }
        }, new Progress("customers", 200, new PrintStream(OutputStream.nullOutputStream())));
    }

    private int index() {
        next = (next + 1) % records.size();
        return next;
    }

    @Benchmark
    public String serialiseFollowUp() {
        return Json.MAPPER.writeValueAsString(records.get(index()));
    }

    @Benchmark
    public FollowUp deserialiseFollowUp() {
        return Json.MAPPER.readValue(json.get(index()), FollowUp.class);
    }

    @Benchmark
    public JsonNode parseTree() {
        return Json.MAPPER.readTree(json.get(index()));
    }

    @Benchmark
    public Validated<FollowUp> validateFollowUp() {
        return validator.validate(trees.get(index()), 0);
    }

    @Benchmark
    public List<String> contactKeys() {
        FollowUp f = records.get(index());
        return ContactKeys.of(f.phone(), f.email(), f.wechat());
    }
}

package dev.pulse.importer;

import dev.pulse.events.Pipeline;
import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import dev.pulse.importer.columns.ColumnBinding;
import dev.pulse.importer.columns.EventKind;
import dev.pulse.importer.columns.KnownHeaders;
import dev.pulse.importer.columns.Mapping;
import dev.pulse.importer.convert.ConvertedRow;
import dev.pulse.importer.convert.Problem;
import dev.pulse.importer.convert.RowConverter;
import dev.pulse.importer.ingest.EventSink;
import dev.pulse.importer.ingest.IngestException;
import dev.pulse.importer.sheet.Sheet;
import dev.pulse.importer.sheet.SheetRow;
import dev.pulse.importer.sheet.UnreadableSheetException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports one sheet: reads it row by row, converts and validates each row, posts the valid ones in
 * batches, and writes every rejected row with its reasons. Memory is bounded by one batch, the
 * first {@value #MAX_PROBLEMS} problems and the customer tally, whatever the file's size.
 */
public final class Importer {

    public static final int MAX_PROBLEMS = 1_000;

    private final Pipeline pipeline;
    private final FollowUpValidator followUps;
    private final SaleValidator sales;

    public Importer(Pipeline pipeline, FollowUpValidator followUps, SaleValidator sales) {
        this.pipeline = pipeline;
        this.followUps = followUps;
        this.sales = sales;
    }

    /** An importer that refuses what ingest would refuse: its pipeline and its clock skew, on the system clock. */
    public static Importer withIngestRules(Pipeline pipeline, Duration allowedClockSkew) {
        Clock clock = Clock.systemUTC();
        return new Importer(pipeline, new FollowUpValidator(pipeline, clock, allowedClockSkew),
                new SaleValidator(clock, allowedClockSkew));
    }

    public static Importer withDefaults() {
        return new Importer(Pipeline.defaults(), FollowUpValidator.withDefaults(), SaleValidator.withDefaults());
    }

    /**
     * @param type      followups or sales; null to take the mapping's, else to guess from the headers
     * @param dryRun    convert and validate only: nothing is posted
     * @param zone      the zone of dates without an offset (the mapping's zone wins)
     * @param batchSize events per ingest request
     */
    public record Options(EventKind type, Mapping mapping, boolean dryRun, ZoneId zone, int batchSize) {

        public Options {
            mapping = mapping == null ? Mapping.NONE : mapping;
            zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
        }
    }

    /**
     * @param sink     where accepted events go; ignored in a dry run
     * @param rejected where the rejected-rows CSV goes, or null for none
     * @throws UnreadableSheetException when no column is recognised
     * @throws IOException              when ingest fails for another reason than invalid records (the
     *                                  summary of what was accepted so far is in the message)
     */
    public ImportSummary run(String fileName, Sheet sheet, Options options, EventSink sink, OutputStream rejected,
                             ProgressBar progress) throws IOException {
        long started = System.nanoTime();
        Mapping mapping = options.mapping();
        EventKind kind = options.type() != null ? options.type()
                : mapping.type() != null ? mapping.type() : KnownHeaders.guessKind(sheet.header());
        mapping.checkFields(kind);
        ColumnBinding binding = new ColumnBinding(sheet.header(), kind, mapping);
        if (binding.recognised().isEmpty()) {
            throw new UnreadableSheetException("no column was recognised (headers: " + sheet.header()
                    + "); use the usual headers such as 客户姓名, 联系方式, 跟进时间 or give a mapping file");
        }
        ZoneId zone = mapping.zone() != null ? mapping.zone() : options.zone();
        RowConverter converter = new RowConverter(kind, binding, mapping, zone, pipeline, followUps, sales);
        boolean chinese = isChinese(sheet.header());
        Run run = new Run(kind, options.dryRun() ? null : sink,
                rejected == null ? null : new RejectedRows(rejected, sheet.header(), chinese), options.batchSize());
        try {
            SheetRow row;
            while ((row = sheet.next()) != null) {
                run.rowsRead++;
                ConvertedRow converted = converter.convert(row);
                if (converted.isValid()) {
                    run.pending.add(converted);
                    if (run.pending.size() >= options.batchSize()) {
                        run.flush();
                    }
                } else {
                    run.reject(row, converted.problems());
                }
                progress.update(run.rowsRead, sheet.progress());
            }
            run.flush();
            progress.finish(run.rowsRead);
        } finally {
            progress.end();
        }
        if (run.rejectedRows != null) {
            run.rejectedRows.close();
        }
        return new ImportSummary(fileName, sheet.description(), kind.option(), options.dryRun(), run.rowsRead,
                run.accepted, run.rejected, run.tally.customers(), (System.nanoTime() - started) / 1_000_000,
                binding.recognised(), binding.ignored(), List.copyOf(run.problems), run.problemsOmitted,
                run.tally.duplicates(), run.tally.duplicateCount(), lostReasonsFrom(run, converter), chinese);
    }

    /** A sheet speaks Chinese when one of its headers holds a Chinese character: its reasons are then given in Chinese. */
    static boolean isChinese(List<String> header) {
        return header.stream().anyMatch(h -> h != null
                && h.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
    }

    /** Accepted lost rows per column their reason came from, by the sheet's headers, in the order tried. */
    private static Map<String, Long> lostReasonsFrom(Run run, RowConverter converter) {
        Map<String, Long> byHeader = new LinkedHashMap<>();
        for (String field : RowConverter.LOST_REASON_FALLBACKS) {
            Long rows = run.lostReasonsFrom.get(field);
            if (rows != null) {
                byHeader.put(converter.header(field), rows);
            }
        }
        return Collections.unmodifiableMap(byHeader);
    }

    /** The state of one import. */
    private static final class Run {
        final EventKind kind;
        final EventSink sink;
        final RejectedRows rejectedRows;
        final int batchSize;
        final List<ConvertedRow> pending = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final CustomerTally tally = new CustomerTally();
        final Map<String, Long> lostReasonsFrom = new HashMap<>();
        long rowsRead;
        long accepted;
        long rejected;
        int problemsOmitted;

        Run(EventKind kind, EventSink sink, RejectedRows rejectedRows, int batchSize) {
            this.kind = kind;
            this.sink = sink;
            this.rejectedRows = rejectedRows;
            this.batchSize = batchSize;
        }

        void reject(SheetRow row, List<Problem> rowProblems) throws IOException {
            rejected++;
            for (Problem problem : rowProblems) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(problem);
                } else {
                    problemsOmitted++;
                }
            }
            if (rejectedRows != null) {
                rejectedRows.write(row, rowProblems);
            }
        }

        /** Posts the pending rows; rows the server refuses are rejected and the rest posted again. */
        void flush() throws IOException {
            List<ConvertedRow> batch = new ArrayList<>(pending);
            pending.clear();
            while (!batch.isEmpty()) {
                if (sink == null) {
                    accept(batch);
                    return;
                }
                EventSink.Outcome outcome;
                try {
                    outcome = sink.post(kind, batch.stream().map(ConvertedRow::event).toList());
                } catch (IOException e) {
                    throw new IngestException(e.getMessage() + " (" + accepted + " rows were accepted before; importing "
                            + "the file again is safe, nothing counts twice)", e);
                }
                if (outcome.refusals().isEmpty()) {
                    accept(batch);
                    return;
                }
                List<ConvertedRow> remaining = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    int index = i;
                    ConvertedRow row = batch.get(i);
                    List<Problem> refused = outcome.refusals().stream().filter(r -> r.index() == index)
                            .map(r -> new Problem(row.row().number(), r.field(),
                                    "refused by ingest: " + r.field() + " " + r.message()))
                            .toList();
                    if (refused.isEmpty()) {
                        remaining.add(row);
                    } else {
                        reject(row.row(), refused);
                    }
                }
                batch = remaining;
            }
        }

        private void accept(List<ConvertedRow> rows) {
            accepted += rows.size();
            for (ConvertedRow row : rows) {
                tally.add(row.customerId(), row.customerName(), row.company(), row.row().number());
                if (row.lostReasonFrom() != null) {
                    lostReasonsFrom.merge(row.lostReasonFrom(), 1L, Long::sum);
                }
            }
        }
    }
}

package dev.pulse.report;

import static dev.pulse.report.Downloads.csv;
import static dev.pulse.report.Downloads.lines;
import static dev.pulse.report.Downloads.sheet;
import static dev.pulse.report.FunnelCells.cell;
import static dev.pulse.report.RunningReport.json;
import static dev.pulse.testsupport.TestPostgres.queryLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.pulse.events.funnel.FunnelCell;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The BI export of stage conversion rates, CSV and XLSX, over real HTTP from cells projected off a
 * real broker into a real PostgreSQL. Expected files are written out by hand from {@link #seed()}.
 */
class StageConversionExportIT {

    private static final Duration PROJECTED = Duration.ofSeconds(30);
    private static final String EXPORT = "/api/v1/exports/stage-conversion?";
    private static final String PERIOD = "from=2026-11-01&to=2026-12-31";
    private static final String HEADER = "group,from_stage,to_stage,reached_from,reached_to,rate,won,lost,win_rate";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int BULK_REPS = 300;

    @RegisterExtension
    static final ReportStack stack = new ReportStack("stage-conversion-export-it", "exports");

    /**
     * November: rep-1 (team 华东), {@code a,"b}, {@code =HYPERLINK("x")} and {@code +1} (team west);
     * December: {@code -2} (华东) and {@code @x} without a team; January 2027 is outside the period.
     * Apart, in March 2028: {@value #BULK_REPS} reps of one lead each, for the large export.
     */
    @BeforeAll
    static void seed() {
        List<FunnelCell> cells = List.of(
                cell("2026-11-03", "rep-1", "华东", "web").customers(4)
                        .reached("LEAD", 4, "QUALIFIED", 2, "PROPOSAL", 1, "QUOTE", 1, "CONTRACT", 1, "WON", 1, "LOST", 1)
                        .current("LEAD", 1, "QUALIFIED", 1, "WON", 1, "LOST", 1).build(),
                cell("2026-11-10", "a,\"b", "west", "web").customers(3)
                        .reached("LEAD", 3, "QUALIFIED", 3, "PROPOSAL", 1).current("QUALIFIED", 2, "PROPOSAL", 1).build(),
                cell("2026-11-20", "=HYPERLINK(\"x\")", "west", "web").customers(1)
                        .reached("LEAD", 1).current("LEAD", 1).build(),
                cell("2026-11-21", "+1", "west", "web").customers(2)
                        .reached("LEAD", 2, "LOST", 2).current("LOST", 2).build(),
                cell("2026-12-02", "-2", "华东", "web").customers(5)
                        .reached("LEAD", 5, "QUALIFIED", 5, "PROPOSAL", 5, "QUOTE", 5, "CONTRACT", 5, "WON", 5)
                        .current("WON", 5).build(),
                cell("2026-12-05", "@x", null, null).customers(1)
                        .reached("LEAD", 1, "QUALIFIED", 1).current("QUALIFIED", 1).build(),
                cell("2027-01-15", "rep-1", "华东", "web").customers(9).reached("LEAD", 9).current("LEAD", 9).build());
        try (KafkaProducer<String, byte[]> producer = stack.kafka().producer()) {
            FunnelCells.send(producer, stack.topics().changes(), cells.toArray(FunnelCell[]::new));
            FunnelCells.send(producer, stack.topics().changes(), IntStream.range(0, BULK_REPS)
                    .mapToObj(i -> cell("2028-03-01", "bulk-%03d".formatted(i), "bulk", "web").customers(1)
                            .reached("LEAD", 1).current("LEAD", 1).build())
                    .toArray(FunnelCell[]::new));
        }
        await().atMost(PROJECTED).until(() -> queryLong(stack.jdbcUrl(), "select count(*) from funnel_cell where grain = 'REP'")
                == cells.size() + BULK_REPS);
    }

    @Nested
    class Csv {

        @Test
        void shouldWriteOneRowPerMonthAndStagePairBehindAByteOrderMarkWithCrlfLineEnds() {
            // given November: reached LEAD 4+3+1+2, QUALIFIED 2+3, PROPOSAL 1+1, QUOTE, CONTRACT, WON 1;
            // current WON 1, LOST 1+2; December: LEAD 5+1, QUALIFIED 5+1, then 5 up to WON, all won

            // when
            var response = download(EXPORT + "format=csv&" + PERIOD + "&groupBy=month");

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
            assertThat(response.headers().firstValue("Content-Disposition").orElse("")).isEqualTo(
                    "attachment; filename=\"stage-conversion_2026-11-01_2026-12-31_by-month.csv\"; "
                            + "filename*=UTF-8''stage-conversion_2026-11-01_2026-12-31_by-month.csv");
            assertThat(Arrays.copyOf(response.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
            assertThat(csv(response)).isEqualTo(export(
                    group("2026-11", "1,3,0.2500", "10,5,0.5000", "5,2,0.4000", "2,1,0.5000", "1,1,1.0000", "1,1,1.0000"),
                    group("2026-12", "5,0,1.0000", "6,6,1.0000", "6,5,0.8333", "5,5,1.0000", "5,5,1.0000", "5,5,1.0000")));
        }

        /**
         * Each case: what it shows, the query after {@code format=csv&}, and the whole CSV it must answer.
         * Reps sort in code point order; the rate after a stage nobody reached is empty, and so is the win
         * rate while nobody is closed.
         */
        static Stream<Arguments> groupedExports() {
            return Stream.of(
                    arguments(named("November by rep: a group with a comma and a quote quoted, one like a formula"
                                    + " neutralised", "from=2026-11-01&to=2026-11-30&groupBy=rep"), export(
                            group("'+1", "0,2,0.0000", "2,0,0.0000", "0,0,", "0,0,", "0,0,", "0,0,"),
                            group("\"'=HYPERLINK(\"\"x\"\")\"", "0,0,", "1,0,0.0000", "0,0,", "0,0,", "0,0,", "0,0,"),
                            group("\"a,\"\"b\"", "0,0,", "3,3,1.0000", "3,1,0.3333", "1,0,0.0000", "0,0,", "0,0,"),
                            group("rep-1", "1,1,0.5000", "4,2,0.5000", "2,1,0.5000", "1,1,1.0000", "1,1,1.0000", "1,1,1.0000"))),
                    arguments(named("December by rep: -2 and @x neutralised", "from=2026-12-01&to=2026-12-31&groupBy=rep"),
                            export(
                            group("'-2", "5,0,1.0000", "5,5,1.0000", "5,5,1.0000", "5,5,1.0000", "5,5,1.0000", "5,5,1.0000"),
                            group("'@x", "0,0,", "1,1,1.0000", "1,0,0.0000", "0,0,", "0,0,", "0,0,"))),
                    // west: LEAD 3+1+2, QUALIFIED 3, PROPOSAL 1, 2 lost; 华东: rep-1 and -2, LEAD 4+5, QUALIFIED 2+5,
                    // then 1+5 on to WON, won 1+5, lost 1; no team: @x. A blank filter filters nothing.
                    arguments(named("by team, Chinese intact, customers without a team last",
                            PERIOD + "&groupBy=team&source="), export(
                            group("west", "0,2,0.0000", "6,3,0.5000", "3,1,0.3333", "1,0,0.0000", "0,0,", "0,0,"),
                            group("华东", "6,1,0.8571", "9,7,0.7778", "7,6,0.8571", "6,6,1.0000", "6,6,1.0000", "6,6,1.0000"),
                            group("", "0,0,", "1,1,1.0000", "1,0,0.0000", "0,0,", "0,0,", "0,0,"))),
                    arguments(named("the funnel report's filters: only rep +1 of team west, by rep",
                            PERIOD + "&groupBy=rep&teamId=west&repId=%2B1"), export(
                            group("'+1", "0,2,0.0000", "2,0,0.0000", "0,0,", "0,0,", "0,0,", "0,0,"))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("groupedExports")
        void shouldWriteEachGroupsRowsInOrder(String query, String expected) {
            // when
            var answer = download(EXPORT + "format=csv&" + query);

            // then
            assertThat(csv(answer)).isEqualTo(expected);
        }

        @Test
        void shouldWriteOnlyTheHeaderForAPeriodWithoutCustomers() {
            // when
            var answer = download(EXPORT + "format=csv&from=2030-01-01&to=2030-12-31&groupBy=month");

            // then
            assertThat(csv(answer)).isEqualTo(lines(HEADER));
        }
    }

    @Nested
    class Xlsx {

        @Test
        void shouldHoldTheNumbersOfTheFunnelReportWithRatesAsPercentages() throws IOException {
            // when
            var response = download(EXPORT + "format=xlsx&" + PERIOD + "&groupBy=month");

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo(XLSX);
            assertThat(response.headers().firstValue("Content-Disposition").orElse("")).isEqualTo(
                    "attachment; filename=\"stage-conversion_2026-11-01_2026-12-31_by-month.xlsx\"; "
                            + "filename*=UTF-8''stage-conversion_2026-11-01_2026-12-31_by-month.xlsx");
            List<Row> rows = sheet(response.body());
            assertThat(rows).hasSize(1 + 10);
            assertThat(IntStream.range(0, 9).mapToObj(c -> rows.getFirst().getCell(c).asString()).toList())
                    .containsExactly(HEADER.split(","));
            // the same hand-worked figures as the CSV by month, as typed cells
            assertTypedRows(rows.subList(1, 11), Stream.concat(
                    group("2026-11", "1,3,0.2500", "10,5,0.5000", "5,2,0.4000", "2,1,0.5000", "1,1,1.0000", "1,1,1.0000").stream(),
                    group("2026-12", "5,0,1.0000", "6,6,1.0000", "6,5,0.8333", "5,5,1.0000", "5,5,1.0000", "5,5,1.0000").stream())
                    .toList());
        }

        @Test
        void shouldLeaveTheRateOfAStageNobodyReachedEmpty() throws IOException {
            // when
            var response = download(EXPORT + "format=xlsx&from=2026-11-01&to=2026-11-30&groupBy=rep&repId=%3DHYPERLINK(%22x%22)");

            // then the rep id is plain text and only LEAD -> QUALIFIED has a rate (0 of 1)
            List<Row> rows = sheet(response.body());
            assertThat(rows).hasSize(1 + 5);
            assertThat(rows.get(1).getCell(0).getType()).isEqualTo(CellType.STRING);
            assertThat(rows.get(1).getCell(0).asString()).isEqualTo("=HYPERLINK(\"x\")");
            assertThat(rows.get(1).getCell(5).asNumber()).isEqualByComparingTo("0");
            assertThat(rows.subList(2, 6)).allSatisfy(row -> assertThat(row.getOptionalCell(5)
                    .filter(cell -> cell.getType() != CellType.EMPTY)).isEmpty());
            assertThat(rows.subList(1, 6)).allSatisfy(row -> assertThat(row.getOptionalCell(8)
                    .filter(cell -> cell.getType() != CellType.EMPTY)).isEmpty());
        }
    }

    @Test
    void shouldStreamALargeExportWhole() throws IOException {
        // given 300 reps with one lead each in March 2028

        // when
        var xlsx = download(EXPORT + "format=xlsx&from=2028-03-01&to=2028-03-31&groupBy=rep");
        var csv = download(EXPORT + "format=csv&from=2028-03-01&to=2028-03-31&groupBy=rep");

        // then five rows per rep, the last rep last
        List<Row> rows = sheet(xlsx.body());
        assertThat(rows).hasSize(1 + 5 * BULK_REPS);
        assertThat(rows.getLast().getCell(0).asString()).isEqualTo("bulk-299");
        assertThat(rows.getLast().getCell(2).asString()).isEqualTo("WON");
        List<String> lines = csv(csv).lines().toList();
        assertThat(lines).hasSize(1 + 5 * BULK_REPS);
        assertThat(lines.get(1)).isEqualTo("bulk-000,LEAD,QUALIFIED,1,0,0.0000,0,0,");
    }

    @Test
    void shouldAnswer400AndNoFileForPathTraversalInTheParameters() {
        // when
        var answers = List.of(
                download(EXPORT + "format=csv&" + PERIOD + "&groupBy=../../etc"),
                download(EXPORT + "format=csv&" + PERIOD + "&groupBy=month%2F..%2F..%2Fetc%2Fpasswd"),
                download(EXPORT + "format=../../etc/passwd&" + PERIOD + "&groupBy=month"),
                download(EXPORT + "format=csv&from=../../etc&to=2026-12-31&groupBy=month"));

        // then
        assertThat(answers).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        });
    }

    /** Each row's cells are the CSV line's values: texts, whole numbers as "0" and rates as "0.00%". */
    private static void assertTypedRows(List<Row> rows, List<String> expectedLines) {
        assertThat(rows).hasSameSizeAs(expectedLines);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String[] expected = expectedLines.get(i).split(",");
            for (int text = 0; text < 3; text++) {
                assertThat(row.getCell(text).asString()).isEqualTo(expected[text]);
            }
            for (int count : new int[] {3, 4, 6, 7}) {
                assertInteger(row.getCell(count), Long.parseLong(expected[count]));
            }
            for (int rate : new int[] {5, 8}) {
                assertPercent(row.getCell(rate), new BigDecimal(expected[rate]));
            }
        }
    }

    private static void assertInteger(Cell cell, long expected) {
        assertThat(cell.getType()).isEqualTo(CellType.NUMBER);
        assertThat(cell.asNumber()).isEqualByComparingTo(BigDecimal.valueOf(expected));
        assertThat(cell.getDataFormatString()).isEqualTo("0");
    }

    private static void assertPercent(Cell cell, BigDecimal expected) {
        assertThat(cell.getType()).isEqualTo(CellType.NUMBER);
        assertThat(cell.asNumber()).isEqualByComparingTo(expected);
        assertThat(cell.getDataFormatString()).isEqualTo("0.00%");
    }

    /** The export's steps, in the funnel's order: each group has one row a step. */
    private static final List<String> STEPS =
            List.of("LEAD,QUALIFIED", "QUALIFIED,PROPOSAL", "PROPOSAL,QUOTE", "QUOTE,CONTRACT", "CONTRACT,WON");

    /** The whole CSV: the header, then each group's rows in the order given. */
    @SafeVarargs
    private static String export(List<String>... groups) {
        return lines(Stream.concat(Stream.of(HEADER), Arrays.stream(groups).flatMap(List::stream)).toArray(String[]::new));
    }

    /**
     * One group's rows, a step a row.
     *
     * @param group   as the CSV writes it, quoted or neutralised
     * @param closed  won,lost,win_rate: the group's closed customers, the same on each of its rows
     * @param reached reached_from,reached_to,rate of each step, in the order of {@link #STEPS}
     */
    private static List<String> group(String group, String closed, String... reached) {
        assertThat(reached).hasSameSizeAs(STEPS);
        return IntStream.range(0, STEPS.size())
                .mapToObj(step -> String.join(",", group, STEPS.get(step), reached[step], closed))
                .toList();
    }

    private static HttpResponse<byte[]> download(String path) {
        return Downloads.download(stack.report(), path);
    }
}

package dev.pulse.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.importer.convert.Problem;
import dev.pulse.importer.fixtures.SheetFixtures;
import dev.pulse.importer.sheet.Sheet;
import dev.pulse.importer.sheet.Sheets;
import dev.pulse.importer.values.Ids;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Dry runs of the generated fixtures: what would be posted, what is rejected and why. */
class ImporterTest {

    private static final Importer.Options DRY_RUN = new Importer.Options(null, null, true, null, 100);

    @TempDir
    Path dir;

    @Test
    void shouldAcceptEveryRowOfTheChineseXlsxWithMixedDates() throws IOException {
        Recorded run = dryRun(SheetFixtures.followUpsXlsx(dir));
        assertThat(run.summary.type()).isEqualTo("followups");
        assertThat(run.summary.rowsRead()).isEqualTo(6);
        assertThat(run.summary.accepted()).isEqualTo(6);
        assertThat(run.summary.rejected()).isZero();
        assertThat(run.summary.customers()).isEqualTo(5);
        assertThat(run.summary.ignoredColumns()).isEmpty();
        assertThat(run.summary.likelyDuplicates()).singleElement().satisfies(d -> {
            assertThat(d.customerName()).isEqualTo("王建国");
            assertThat(d.customerIds()).containsExactlyInAnyOrder(Ids.customerId("13800138000", null, null),
                    Ids.customerId("13700137000", null, null));
            assertThat(d.rows()).containsExactly(7L);
        });
        assertThat(run.rejectedCsv).isEqualTo("\uFEFF客户姓名,联系方式,公司名称,职位,跟进时间,跟进方式,跟进内容,跟进结果,客户状态,"
                + "负责人,下次跟进时间,客户标签,客户等级,来源渠道,备注,错误行号 Row,错误列 Column,错误原因 Reason\r\n");
    }

    @Test
    void shouldConvertEachCellAsTheSheetMeantIt() throws IOException {
        List<ObjectNode> events = CsvImports.importSheet(SheetFixtures.followUpsXlsx(dir), 100).events();
        String wang = Ids.customerId("13800138000", null, null);
        assertThat(events).extracting(e -> e.get("occurredAt").asString()).containsExactly(
                "2025-10-03T06:05:00Z", "2025-10-08T07:30:00Z", "2025-10-03T16:00:00Z", "2025-10-10T04:00:00Z",
                "2025-10-05T01:00:00Z", "2025-10-09T03:00:00Z");
        assertThat(events).extracting(e -> e.get("customerId").asString()).startsWith(wang, wang);
        ObjectNode first = events.getFirst();
        assertThat(first.get("phone").asString()).isEqualTo("13800138000");
        assertThat(first.get("stage").asString()).isEqualTo("QUALIFIED");
        assertThat(first.get("channel").asString()).isEqualTo("PHONE");
        assertThat(first.get("level").asString()).isEqualTo("A");
        assertThat(first.get("tags").toString()).isEqualTo("[\"重点\",\"华东\"]");
        assertThat(first.get("nextFollowUpAt").asString()).isEqualTo("2025-10-06T02:00:00Z");
        assertThat(first.get("repId").asString()).isEqualTo("张伟");
        assertThat(events.get(1).get("channel").asString()).isEqualTo("VISIT");
        assertThat(events.get(1).get("content").asString()).isEqualTo("上门演示方案\n备注：带了样品");
        assertThat(events.get(3).get("wechat").asString()).isEqualTo("zhaomin88");
        assertThat(events.get(4).get("lostReason").asString()).isEqualTo("预算不足");
        // Event ids come from the content: a second read of the same sheet gives the same ids.
        List<ObjectNode> again = CsvImports.importSheet(SheetFixtures.followUpsXlsx(dir), 2).events();
        assertThat(again).extracting(e -> e.get("eventId").asString())
                .containsExactlyElementsOf(events.stream().map(e -> e.get("eventId").asString()).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldReadTheGbkSalesSheetAsTheSameCustomers() throws IOException {
        CsvImports.Imported imported = CsvImports.importSheet(SheetFixtures.salesGbkCsv(dir), 100);
        ImportSummary summary = imported.summary();
        List<ObjectNode> sales = imported.events();
        assertThat(summary.type()).isEqualTo("sales");
        assertThat(summary.format()).isEqualTo("csv GB18030 delimiter ','");
        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(sales).extracting(s -> s.get("customerId").asString()).containsExactly(
                Ids.customerId("13800138000", null, null), Ids.customerId(null, null, "zhaomin88"));
        assertThat(sales).extracting(s -> s.get("amount").asString()).containsExactly("12800.5", "3000");
        assertThat(sales).extracting(s -> s.get("orderId").asString()).containsExactly("SO-1", "SO-2");
        assertThat(sales.getFirst().get("occurredAt").asString()).isEqualTo("2025-10-20T08:00:00Z");
    }

    @Test
    void shouldRejectEachBadRowWithItsRowColumnAndReason() throws IOException {
        Recorded run = dryRun(SheetFixtures.badRowsCsv(dir));
        assertThat(run.summary.rowsRead()).isEqualTo(8);
        assertThat(run.summary.accepted()).isEqualTo(2);
        assertThat(run.summary.rejected()).isEqualTo(6);
        assertThat(run.summary.problems()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            Problem problem = run.summary.problems().get(i);
            List<String> expected = SheetFixtures.BAD_ROW_REASONS.get(i);
            assertThat(problem.row()).isEqualTo(Long.parseLong(expected.get(0)));
            assertThat(problem.column()).isEqualTo(expected.get(1));
            assertThat(problem.reason()).startsWith(expected.get(2));
        }
        List<String> lines = run.rejectedCsv.lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo("\uFEFF客户姓名,联系方式,跟进时间,跟进方式,跟进内容,客户状态,负责人,错误行号 Row,错误列 Column,错误原因 Reason");
        // a Chinese sheet: its reasons in Chinese, each with its stable code
        assertThat(lines.get(1)).isEqualTo("吴磊,,2025-10-12,电话,首次电话,潜在,王芳,3,联系方式,"
                + "联系方式: 没有客户ID，也没有可生成客户ID的电话、邮箱或微信 [PULSE-R001]");
        assertThat(lines.get(4)).isEqualTo("冯巩,13300133000,2025-10-12,电话,,流失,王芳,6,跟进内容,"
                + "跟进内容: 跟进内容必填；流失客户的流失原因、跟进结果、备注都为空时，跟进内容就是流失原因 [PULSE-R007]");
        assertThat(lines.get(6)).isEqualTo("黄渤,13100131000,2099-01-01,电话,首次电话,潜在,王芳,8,跟进时间,"
                + "跟进时间: 时间不能晚于现在 5 分钟以上 [PULSE-V025]");
        assertThat(run.summary.chinese()).isTrue();
    }

    @Test
    void shouldAcceptTheRejectedRowsOnceFixed() throws IOException {
        Recorded first = dryRun(SheetFixtures.badRowsCsv(dir));
        String fixed = first.rejectedCsv
                .replace("吴磊,,", "吴磊,13000130000,").replace("2025-13-45", "2025-10-13")
                .replace("考虑中", "意向").replace(",流失,", ",流失原因待补,").replace("电话,,潜在", "电话,补录,潜在")
                .replace("2099-01-01", "2025-10-14");
        Path file = dir.resolve("fixed.csv");
        Files.writeString(file, fixed, StandardCharsets.UTF_8);
        Recorded second = dryRun(file);
        // The LOST row now says "流失原因待补": not a stage word, still rejected; the other five pass.
        assertThat(second.summary.accepted()).isEqualTo(5);
        assertThat(second.summary.rejected()).isEqualTo(1);
        assertThat(second.summary.ignoredColumns()).containsExactlyElementsOf(RejectedRows.ADDED);
    }

    @Test
    void shouldRejectEveryRowOfASheetWhoseHeadersItDoesNotKnow() throws IOException {
        Path file = dir.resolve("unknown.csv");
        Files.writeString(file, "colour,size\nred,3\n");
        try (Sheet sheet = Sheets.open(file)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Importer.withDefaults()
                            .run("unknown.csv", sheet, DRY_RUN, null, null, ProgressBar.none()))
                    .hasMessageStartingWith("no column was recognised (headers: [colour, size])");
        }
    }

    @Test
    void shouldNeutraliseFormulasButKeepPhoneNumbersInTheRejectedRowsFile() {
        assertThat(RejectedRows.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(RejectedRows.cell("+86 138 0013 8000")).isEqualTo("+86 138 0013 8000");
        assertThat(RejectedRows.cell("-cmd")).isEqualTo("'-cmd");
        assertThat(Set.of(RejectedRows.cell("a;b"), RejectedRows.cell("a,b"))).containsExactlyInAnyOrder("\"a;b\"", "\"a,b\"");
    }

    private record Recorded(ImportSummary summary, String rejectedCsv) {
    }

    private static Recorded dryRun(Path file) throws IOException {
        ByteArrayOutputStream rejected = new ByteArrayOutputStream();
        try (Sheet sheet = Sheets.open(file)) {
            ImportSummary summary = Importer.withDefaults().run(file.getFileName().toString(), sheet, DRY_RUN, null,
                    rejected, ProgressBar.none());
            return new Recorded(summary, rejected.toString(StandardCharsets.UTF_8));
        }
    }
}

package dev.pulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.events.Json;
import dev.pulse.importer.fixtures.SheetFixtures;
import dev.pulse.launcher.importing.ImportCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code pulse import} and {@code POST /api/v1/imports} against the whole embedded stack, with the
 * generated fixtures of {@link SheetFixtures} (figures counted by hand there): a dry run writes
 * nothing, the sheets land with exact counts, and importing them all again changes no figure.
 */
class ImportEndToEndIT {

    @RegisterExtension
    static final StackSession session = StackSession.of("import");

    private static final String OCTOBER = "from=2025-10-01&to=2025-10-31";

    @TempDir
    static Path dir;

    @Test
    void shouldImportEachSheetOnceWriteNothingInADryRunAndCountNothingTwice() throws IOException {
        Path xlsx = SheetFixtures.followUpsXlsx(dir);
        Path sales = SheetFixtures.salesGbkCsv(dir);
        Path bad = SheetFixtures.badRowsCsv(dir);

        // given a dry run of every sheet: the figures are reported, nothing is posted
        Run dry = run(xlsx, "--dry-run");
        assertThat(dry.exit).isZero();
        // (in Chinese: the sheets' headers are Chinese)
        assertThat(dry.out).contains("试运行，未写入：客户跟进记录表.xlsx（xlsx，followups）："
                + "读取 6 行，接受 6 行，拒绝 0 行，5 个客户").contains("流失原因取自 跟进结果 1 行");
        assertThat(dry.out).contains("疑似重复客户（未合并）：王建国 / 杭州某科技有限公司");
        assertThat(run(sales, "--dry-run").exit).isZero();
        Run badDry = run(bad, "--dry-run");
        assertThat(badDry.exit).isEqualTo(1);
        assertThat(badDry.out).contains("读取 8 行，接受 2 行，拒绝 6 行，2 个客户")
                .contains("第 4 行，跟进时间：不是存在的日期或时间：2025-13-45");
        assertThat(dir.resolve("bad-rows.rejected.csv")).exists();

        // when the bad-rows sheet is imported for real, its two valid rows arrive and the dry runs left no trace
        assertThat(run(bad).exit).isEqualTo(1);
        awaitFollowUps(Map.of("王芳", 2));

        // and the follow-ups and the sales sheets are imported
        assertThat(run(xlsx).exit).isZero();
        assertThat(run(sales).exit).isZero();
        awaitFollowUps(Map.of("张伟", 4, "李强", 2, "王芳", 2));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(this::assertFiguresCountedByHand);

        // then importing every sheet again, then a marker row, changes nothing once the marker is in
        assertThat(run(xlsx).exit).isZero();
        assertThat(run(sales).exit).isZero();
        assertThat(run(bad).exit).isEqualTo(1);
        Path marker = dir.resolve("marker.csv");
        Files.writeString(marker, "客户姓名,联系方式,跟进时间,跟进方式,跟进内容,客户状态,负责人\n标记,marker@example.com,"
                + "2025-09-30 10:00,电话,标记行,潜在,marker-rep\n");
        assertThat(run(marker).exit).isZero();
        awaitFollowUps(Map.of("张伟", 4, "李强", 2, "王芳", 2, "marker-rep", 1), "from=2025-09-01&to=2025-10-31");
        assertFiguresCountedByHand();
        assertThat(session.client().get("/api/v1/followups?repId=" + encode("张伟")).get("rows")).hasSize(4);
    }

    private void assertFiguresCountedByHand() {
        JsonNode funnel = session.client().get("/api/v1/reports/funnel?" + OCTOBER);
        // 王建国 x2, 李娜, 赵敏, 陈晨 from the workbook; 周杰 and 谢娜 from the bad-rows sheet
        assertThat(funnel.get("customers").asInt()).isEqualTo(7);
        assertThat(funnel.get("lost").asInt()).isEqualTo(1);
        assertThat(funnel.get("won").asInt()).isZero();
        Map<String, Integer> current = new TreeMap<>();
        funnel.get("stages").forEach(s -> current.put(s.get("stage").asString(), s.get("current").asInt()));
        assertThat(current).containsEntry("LEAD", 3).containsEntry("QUALIFIED", 1).containsEntry("PROPOSAL", 1)
                .containsEntry("QUOTE", 1).containsEntry("CONTRACT", 0).containsEntry("WON", 0);
        Map<String, String> conversion = new TreeMap<>();
        session.client().get("/api/v1/reports/rep-conversion?" + OCTOBER).get("rows").forEach(r -> conversion.put(
                r.get("repId").asString(), r.get("customers").asInt() + "/" + r.get("customersWithSale").asInt()
                        + "/" + cny(r.get("revenueByCurrency"))));
        // The sales sheet names its customers by the same contacts: same customer ids, so the sales attach.
        assertThat(conversion).containsEntry("张伟", "3/1/12800.5").containsEntry("李强", "2/1/3000")
                .containsEntry("王芳", "2/0/0");
        JsonNode summary = session.client().get("/api/v1/reports/summary?" + OCTOBER);
        assertThat(summary.get("sales").asInt()).isEqualTo(2);
        assertThat(cny(summary.get("revenueByCurrency"))).isEqualTo("15800.5");
    }

    @Test
    void shouldImportAnUploadAndRefuseAnUnreadableOrOversizedOne() throws IOException, InterruptedException {
        Path bad = SheetFixtures.badRowsCsv(dir.resolve(Files.createTempDirectory(dir, "upload").getFileName()));
        HttpResponse<String> dryRun = upload("bad-rows.csv", Files.readAllBytes(bad), "dryRun=true");
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(dryRun.body());
        assertThat(body.at("/summary/rowsRead").asInt()).isEqualTo(8);
        assertThat(body.at("/summary/accepted").asInt()).isEqualTo(2);
        assertThat(body.at("/summary/rejected").asInt()).isEqualTo(6);
        assertThat(body.at("/summary/dryRun").asBoolean()).isTrue();
        assertThat(body.at("/summary/problems/0/column").asString()).isEqualTo("联系方式");
        assertThat(body.at("/summary/problems/0/code").asString()).isEqualTo("PULSE-R001");
        assertThat(body.at("/summary/problems/0/reasonZh").asString()).isEqualTo("没有客户ID，也没有可生成客户ID的电话、邮箱或微信");
        assertThat(body.get("rejectedFileName").asString()).isEqualTo("bad-rows.rejected.csv");
        assertThat(body.get("rejectedCsv").asString()).startsWith("\uFEFF客户姓名;".replace(';', ',')).hasLineCount(7);

        HttpResponse<String> garbage = upload("sheet.xlsx", "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1), "");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        HttpResponse<String> unknown = upload("x.csv", "colour,size\nred,3\n".getBytes(StandardCharsets.UTF_8), "");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(unknown.body()).get("detail").asString()).startsWith("no column was recognised");
        HttpResponse<String> badType = upload("x.csv", Files.readAllBytes(bad), "type=invoices");
        assertThat(badType.statusCode()).isEqualTo(400);

        HttpResponse<String> tooLarge = upload("big.csv", new byte[50 * 1024 * 1024 + 1], "dryRun=true");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
    }

    private HttpResponse<String> upload(String fileName, byte[] content, String query) throws IOException, InterruptedException {
        String boundary = "pulse-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + session.stack().reportPort() + "/api/v1/imports?" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + session.stack().settings().credentials().adminToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path file, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 3];
        args[0] = file.toString();
        args[1] = "--ingest";
        args[2] = "http://localhost:" + session.stack().ingestPort();
        System.arraycopy(options, 0, args, 3, options.length);
        int exit = ImportCommand.run(args, Map.of("PULSE_TOKEN", session.stack().settings().credentials().ingestToken()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.print(run.out);
        return run;
    }

    private static void awaitFollowUps(Map<String, Integer> expected) {
        awaitFollowUps(expected, OCTOBER);
    }

    /** Waits until the month rows of rep-activity show exactly these follow-ups per rep, and no other rep. */
    private static void awaitFollowUps(Map<String, Integer> expected, String range) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Integer> byRep = new TreeMap<>();
            session.client().get("/api/v1/reports/rep-activity?granularity=day&" + range).get("rows")
                    .forEach(r -> byRep.merge(r.get("repId").asString(), r.get("followUps").asInt(), Integer::sum));
            assertThat(byRep).isEqualTo(new TreeMap<>(expected));
        });
    }

    /** The yuan of a revenueByCurrency answer, plain ("0" without sales); the sheets name no other currency. */
    private static String cny(JsonNode revenueByCurrency) {
        assertThat(revenueByCurrency.size()).as("currencies in %s", revenueByCurrency).isLessThanOrEqualTo(1);
        JsonNode cny = revenueByCurrency.get("CNY");
        return cny == null ? "0" : cny.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

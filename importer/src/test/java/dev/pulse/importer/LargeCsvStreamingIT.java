package dev.pulse.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,000,000-row CSV (about 80 MB, over 160 MB once decoded to Java strings) dry-run in a JVM
 * limited to a 64 MB heap: it only passes if the reader streams. Every 1,000th row lacks its
 * content and must be rejected; customers are the 10,000 phones minus the 10 that occur only on
 * those rows.
 */
class LargeCsvStreamingIT {

    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void shouldStreamAMillionRowsInASmallHeap() throws IOException, InterruptedException {
        Path csv = dir.resolve("million.csv");
        LocalDate start = LocalDate.of(2025, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("客户姓名,联系方式,跟进时间,跟进方式,跟进内容,客户状态,负责人\n");
            for (int i = 0; i < ROWS; i++) {
                int customer = i % 10_000;
                out.write("客户" + customer + "," + (13_800_000_000L + customer) + "," + start.plusDays(i % 300)
                        + " " + (9 + i % 9) + ":" + (10 + i % 50) + ",电话,"
                        + (i % 1_000 == 999 ? "" : "第" + i + "次电话沟通") + ",意向,rep-" + customer % 20 + "\n");
            }
        }
        Path rejected = dir.resolve("rejected.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), LargeCsvDryRun.class.getName(), csv.toString(), rejected.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // About 16 s of CPU; the wall clock is generous because parallel builds share the cores.
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        System.out.println("1,000,000-row dry run in 64 MB: " + output.strip() + " (file " + Files.size(csv) / 1_000_000 + " MB)");
        assertThat(output).startsWith("read=1000000 accepted=999000 rejected=1000 customers=9990 problems=1000 omitted=0 ");
        assertThat(Files.readAllLines(rejected)).hasSize(1_001);
    }
}

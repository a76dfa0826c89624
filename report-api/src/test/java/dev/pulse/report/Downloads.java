package dev.pulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/** The exports as a client downloads them: bytes, the CSV text behind its BOM, the XLSX rows. */
final class Downloads {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Downloads() {
    }

    static HttpResponse<byte[]> download(RunningReport report, String path) {
        try {
            return HTTP.send(RunningReport.authorized(HttpRequest.newBuilder(report.uri(path))).timeout(Duration.ofSeconds(30)).GET().build(),
                    BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The CSV text after the byte order mark, which must be there. */
    static String csv(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        assertThat(response.statusCode()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }

    /** Lines as the export must end them: CRLF after each, the last one too. */
    static String lines(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static List<Row> sheet(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            return workbook.getFirstSheet().read();
        }
    }
}

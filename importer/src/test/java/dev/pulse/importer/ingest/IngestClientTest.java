package dev.pulse.importer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.importer.ImportSummary;
import dev.pulse.importer.Importer;
import dev.pulse.importer.ProgressBar;
import dev.pulse.importer.fixtures.SheetFixtures;
import dev.pulse.importer.sheet.Sheet;
import dev.pulse.importer.sheet.Sheets;
import dev.pulse.testsupport.FakeIngest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's side of the ingest contract, against a local HTTP server that answers as ingest
 * does (202, or 400 problem+json naming the refused records): the bearer token, NDJSON, and the
 * refused rows rejected while the rest are posted again. The real ingest is exercised by the
 * ImportEndToEndIT in system-tests; what it cannot show yet is a token (issue 6) or a server that
 * refuses what the importer accepted (another pipeline configuration).
 */
class IngestClientTest {

    @TempDir
    Path dir;

    private FakeIngest ingest;

    @BeforeEach
    void start() throws IOException {
        // The first request is refused for its second record, as ingest refuses a whole request.
        ingest = FakeIngest.start(request -> request.number() == 1
                ? new FakeIngest.Answer(400, "{\"title\":\"Invalid records\",\"errors\":[{\"index\":1,\"field\":\"stage\",\"message\":\"must be one of [LEAD]\"}]}")
                : new FakeIngest.Answer(202, "{\"accepted\":" + request.body().lines().count() + "}"));
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    @Test
    void shouldSendTheTokenAndRejectTheRowsIngestRefusesThenPostTheRestAgain() throws IOException {
        ImportSummary summary;
        try (Sheet sheet = Sheets.open(SheetFixtures.badRowsCsv(dir))) {
            summary = Importer.withDefaults().run("bad-rows.csv", sheet, new Importer.Options(null, null, false, null, 100),
                    new IngestClient(ingest.uri(), " secret-token "), null, ProgressBar.none());
        }
        assertThat(authorizations()).containsExactly("Bearer secret-token", "Bearer secret-token");
        assertThat(bodies().getFirst()).startsWith("application/x-ndjson\n{\"eventId\":");
        assertThat(bodies().getFirst().lines().count()).isEqualTo(3); // content type + the two valid rows
        assertThat(bodies().get(1).lines().skip(1).toList()).containsExactly(bodies().getFirst().lines().skip(1).findFirst().orElseThrow());
        assertThat(summary.accepted()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(7);
        assertThat(summary.problems().getLast().row()).isEqualTo(9);
        assertThat(summary.problems().getLast().reason()).isEqualTo("refused by ingest: stage must be one of [LEAD]");
    }

    @Test
    void shouldSendNoAuthorizationWithoutAToken() throws IOException {
        new IngestClient(ingest.uri(), null)
                .post(dev.pulse.importer.columns.EventKind.FOLLOWUPS, List.of());
        assertThat(authorizations()).containsExactly("null");
    }

    @Test
    void shouldSayWhenIngestCannotBeReached() {
        URI stopped = ingest.uri();
        ingest.close();
        IngestClient client = new IngestClient(stopped, null, 10);
        assertThatThrownBy(() -> client.post(dev.pulse.importer.columns.EventKind.FOLLOWUPS, List.of()))
                .isInstanceOf(IngestException.class).hasMessageStartingWith("cannot reach ingest at http://localhost:");
    }

    @Test
    void shouldPostReadyMadeNdjsonAndTreatAnyRefusalAsAnError() throws IOException {
        IngestClient client = new IngestClient(ingest.uri(), "t");
        // The server refuses the first request for its record at index 1.
        assertThatThrownBy(() -> client.postAll(dev.pulse.importer.columns.EventKind.FOLLOWUPS, "{\"a\":1}\n{\"a\":2}"))
                .isInstanceOf(IngestException.class)
                .hasMessage("ingest refused 1 of 2 records, the first at index 1: stage must be one of [LEAD]")
                .satisfies(e -> assertThat(((IngestException) e).unreachable()).isFalse());
        assertThat(client.postAll(dev.pulse.importer.columns.EventKind.FOLLOWUPS, "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n")).isEqualTo(3);
        assertThat(bodies().get(1)).isEqualTo("application/x-ndjson\n{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n");
        assertThat(authorizations()).containsExactly("Bearer t", "Bearer t");
    }

    @Test
    void shouldTellAnUnreachableIngestFromARefusal() {
        URI stopped = ingest.uri();
        ingest.close();
        IngestClient client = new IngestClient(stopped, null, 10);
        assertThatThrownBy(() -> client.postAll(dev.pulse.importer.columns.EventKind.SALES, "{}"))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.unreachable()).isTrue());
    }

    private List<String> authorizations() {
        return ingest.requests().stream().map(FakeIngest.Request::authorization).toList();
    }

    /** Each request's content type, a line break and its body. */
    private List<String> bodies() {
        return ingest.requests().stream().map(r -> r.contentType() + "\n" + r.body()).toList();
    }
}

package dev.pulse.report.imports;

import dev.pulse.events.Pipeline;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.events.validation.TimeRules;
import dev.pulse.importer.ImportSummary;
import dev.pulse.importer.Importer;
import dev.pulse.importer.ProgressBar;
import dev.pulse.importer.columns.EventKind;
import dev.pulse.importer.columns.Mapping;
import dev.pulse.importer.ingest.IngestClient;
import dev.pulse.importer.sheet.Sheet;
import dev.pulse.importer.sheet.Sheets;
import dev.pulse.report.config.ReportProperties;
import dev.pulse.report.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/imports}: the upload page's import. The file is spooled to a temporary
 * file, read by the importer exactly as the CLI reads it, and the valid rows are posted to the
 * ingest API over HTTP, so an upload passes through the same door and the same rules as any
 * client.
 */
@RestController
class ImportController {

    private final Environment environment;
    private final ReportProperties report;
    private final Importer importer;

    ImportController(Environment environment, ReportProperties report, ObjectProvider<Pipeline> pipeline) {
        this.environment = environment;
        this.report = report;
        Pipeline stages = pipeline.getIfAvailable(Pipeline::defaults);
        // ingest's clock skew, so an upload refuses a row exactly when ingest would
        this.importer = Importer.withIngestRules(stages, Binder.get(environment)
                .bind(TimeRules.CLOCK_SKEW_PROPERTY, Duration.class).orElse(TimeRules.DEFAULT_CLOCK_SKEW));
    }

    @Operation(summary = "Import a follow-up or sales sheet (.xlsx, .xls, .csv)", description = "Every row is validated "
            + "with the ingest API's rules; valid rows are posted to ingest, rejected rows come back with their row "
            + "number, column and reason, and as a CSV to fix and upload again. Importing a file twice counts nothing twice.")
    @ApiResponse(responseCode = "200", description = "the summary (rows read, accepted, rejected, customers, time), "
            + "the problems and the rejected-rows CSV")
    @ApiResponse(responseCode = "400", description = "no file, an unreadable file, no recognised column, a bad mapping "
            + "or type", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "file over the upload limit (PULSE_IMPORT_MAX_FILE)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "502", description = "ingest failed; rows accepted before the failure stay accepted, "
            + "uploading again is safe", content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult upload(
            @Parameter(description = "the sheet") @RequestPart("file") MultipartFile file,
            @Parameter(description = "followups or sales; guessed from the headers when absent")
            @RequestParam(required = false) String type,
            @Parameter(description = "validate only, post nothing") @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "an optional JSON mapping file") @RequestPart(name = "mapping", required = false)
            MultipartFile mapping) throws IOException {
        if (file.isEmpty()) {
            throw new BadRequestException(MessageCode.EMPTY_FILE);
        }
        EventKind kind = parseType(type);
        Mapping columns = mapping == null || mapping.isEmpty() ? Mapping.NONE : readMapping(mapping);
        String name = safeName(file.getOriginalFilename());
        Path spooled = Files.createTempFile("pulse-import-", suffix(name));
        try {
            file.transferTo(spooled);
            ByteArrayOutputStream rejected = new ByteArrayOutputStream();
            ImportSummary summary;
            try (Sheet sheet = Sheets.open(spooled)) {
                summary = importer.run(name, sheet, new Importer.Options(kind, columns, dryRun, report.zone(), 1_000),
                        new IngestClient(ingestUrl(), environment.getProperty("pulse.import.ingest-token")),
                        rejected, ProgressBar.none());
            }
            String csv = summary.rejected() == 0 ? "" : rejected.toString(StandardCharsets.UTF_8);
            return new ImportResult(summary, csv, baseName(name) + ".rejected.csv");
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    /** Read per request: the launcher starts ingest after this service and only then knows its port. */
    private URI ingestUrl() {
        return URI.create(environment.getProperty("pulse.import.ingest-url", "http://localhost:8081"));
    }

    private static EventKind parseType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return EventKind.parse(type);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(MessageCode.NOT_AN_IMPORT_TYPE, type);
        }
    }

    private static Mapping readMapping(MultipartFile mapping) throws IOException {
        try (InputStream in = mapping.getInputStream()) {
            return Mapping.read(in);
        }
    }

    /** The client's file name is shown back to it: keep the last path segment, printable, short. */
    static String safeName(String original) {
        String name = original == null ? "upload" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty()) {
            name = "upload";
        }
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    private static String suffix(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot);
        return ext.matches("\\.(xlsx|xls|csv|txt)") ? ext : ".csv";
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

package dev.pulse.ingest.intake;

import dev.pulse.events.FollowUp;
import dev.pulse.events.InputEvent;
import dev.pulse.events.Sale;
import dev.pulse.events.validation.FollowUpValidator;
import dev.pulse.events.validation.SaleValidator;
import dev.pulse.events.validation.FieldError;
import dev.pulse.ingest.config.KafkaSettings;
import dev.pulse.ingest.pool.ClaimLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/followups} and {@code /api/v1/sales}: one object, an array, or NDJSON. */
@RestController
@RequestMapping("/api/v1")
class IngestController {

    static final String NDJSON = "application/x-ndjson";

    private final BatchReader reader;
    private final IngestService service;
    private final IngestService.EventType<FollowUp> followUps;
    private final IngestService.EventType<Sale> sales;

    IngestController(BatchReader reader, IngestService service, KafkaSettings kafka,
                     FollowUpValidator followUpValidator, SaleValidator saleValidator, ClaimLimit claimLimit) {
        this.reader = reader;
        this.service = service;
        this.followUps = new IngestService.EventType<>(InputEvent.FOLLOW_UP, kafka.topics().followups(),
                followUpValidator::validate, valid -> {
                    List<FieldError> refused = claimLimit.refusals(valid);
                    if (!refused.isEmpty()) {
                        throw new ClaimLimitException(refused);
                    }
                });
        this.sales = new IngestService.EventType<>(InputEvent.SALE, kafka.topics().sales(), saleValidator::validate,
                valid -> { });
    }

    /** The answer to an accepted request: sent only after Kafka acknowledged every record. */
    record Accepted(int accepted, List<UUID> eventIds) {
    }

    @Operation(summary = "Record follow-ups (客户跟进记录)", description = "Answers 202 once Kafka has every record; "
            + "400 problem+json with errors[index, field, message] and nothing written if any record is invalid; "
            + "409 with errors[] when follow-ups would take a rep past the daily pool claim limit; "
            + "413 over the size limit; 503 when Kafka does not acknowledge.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = FollowUp.class))),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = FollowUp.class))})
    @PostMapping(path = "/followups", consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted postFollowUps(HttpServletRequest request) throws IOException {
        return accept(followUps, request);
    }

    @Operation(summary = "Record sales (销售记录)", description = "Same contract as follow-ups.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = Sale.class))),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = Sale.class))})
    @PostMapping(path = "/sales", consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted postSales(HttpServletRequest request) throws IOException {
        return accept(sales, request);
    }

    private <T> Accepted accept(IngestService.EventType<T> type, HttpServletRequest request) throws IOException {
        boolean ndjson = request.getContentType() != null
                && MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.parseMediaType(NDJSON));
        var nodes = reader.read(request.getInputStream(), request.getContentLengthLong(), ndjson);
        List<UUID> ids = service.accept(type, nodes);
        return new Accepted(ids.size(), ids);
    }
}

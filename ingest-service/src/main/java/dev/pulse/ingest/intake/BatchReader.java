package dev.pulse.ingest.intake;

import dev.pulse.events.Json;
import dev.pulse.events.messages.Message;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.events.validation.FieldError;
import dev.pulse.ingest.config.IngestProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns a request body into one JSON node per record: a single object, an array of objects, or
 * NDJSON (one object per line). The body is read with a hard size limit, so an oversized or
 * endless body is refused without being held in memory.
 */
@Component
public class BatchReader {

    private final long maxBytes;
    private final int maxRecords;

    public BatchReader(IngestProperties properties) {
        this.maxBytes = properties.maxBody().toBytes();
        this.maxRecords = properties.maxRecords();
    }

    public List<JsonNode> read(InputStream body, long declaredLength, boolean ndjson) throws IOException {
        if (declaredLength > maxBytes) {
            throw new BodyTooLargeException(Message.of(MessageCode.BODY_OVER_LIMIT, declaredLength, maxBytes));
        }
        String text = decode(readBounded(body));
        List<JsonNode> records = ndjson ? readLines(text) : readDocument(text);
        if (records.size() > maxRecords) {
            throw new BodyTooLargeException(Message.of(MessageCode.TOO_MANY_RECORDS, records.size(), maxRecords));
        }
        return records;
    }

    private byte[] readBounded(InputStream body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = body.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw new BodyTooLargeException(Message.of(MessageCode.BODY_TOO_LARGE, maxBytes));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRecordsException(List.of(new FieldError(0, "", MessageCode.NOT_UTF8)));
        }
    }

    private static List<JsonNode> readDocument(String text) {
        JsonNode root = parse(text, 0);
        if (root.isArray()) {
            List<JsonNode> records = new ArrayList<>(root.size());
            root.forEach(records::add);
            if (records.isEmpty()) {
                throw new InvalidRecordsException(List.of(new FieldError(0, "", MessageCode.EMPTY_ARRAY)));
            }
            return records;
        }
        return List.of(root);
    }

    private static List<JsonNode> readLines(String text) {
        List<JsonNode> records = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(parse(line, records.size() + errors.size()));
            } catch (InvalidRecordsException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRecordsException(errors);
        }
        if (records.isEmpty()) {
            throw new InvalidRecordsException(List.of(new FieldError(0, "", MessageCode.NO_RECORDS)));
        }
        return records;
    }

    private static JsonNode parse(String text, int index) {
        if (text.isBlank()) {
            throw new InvalidRecordsException(List.of(new FieldError(index, "", MessageCode.EMPTY_BODY)));
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidRecordsException(List.of(new FieldError(index, "", MessageCode.MALFORMED_JSON, e.getOriginalMessage())));
        }
    }
}

package dev.pulse.events.validation;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.events.Channel;
import dev.pulse.events.FollowUp;
import dev.pulse.events.Pipeline;
import java.time.Clock;
import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The field rules of a follow-up (DESIGN.md "Events"), applied by ingest before anything is
 * written and again by every reader of the topic, so a record from another producer is held to
 * the same contract.
 */
public final class FollowUpValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{4,24}$");
    private static final Set<String> LEVELS = Set.of("A", "B", "C");
    private static final int CONTENT_MAX = 10_000;
    /**
     * A planned contact further out is a typo, and an unbounded one breaks its readers: the stale
     * detector's due index holds epoch millis (overflow past year 292278994, misordered keys past
     * year 33658) and PostgreSQL stops at year 294276. Relative to occurredAt, not to now, so a
     * record re-validated by a later reader gets the same answer.
     */
    static final Period NEXT_FOLLOW_UP_HORIZON = Period.ofYears(10);
    private static final LocalDate EARLIEST_CLOSE = LocalDate.of(1990, 1, 1);

    private final Pipeline pipeline;
    private final TimeRules timeRules;

    public FollowUpValidator(Pipeline pipeline, Clock clock, Duration allowedSkew) {
        this(pipeline, new TimeRules(clock, allowedSkew));
    }

    private FollowUpValidator(Pipeline pipeline, TimeRules timeRules) {
        this.pipeline = pipeline;
        this.timeRules = timeRules;
    }

    /**
     * For the consumers of the follow-ups topic (the stream processor, the projector): every rule of
     * ingest but the clock's, so that the same record is poison or not however late it is read.
     */
    public static FollowUpValidator forRecorded(Pipeline pipeline) {
        return new FollowUpValidator(pipeline, TimeRules.RECORDED);
    }

    public static FollowUpValidator withDefaults() {
        return new FollowUpValidator(Pipeline.defaults(), Clock.systemUTC(), TimeRules.DEFAULT_CLOCK_SKEW);
    }

    /** Validates record {@code index} of a request; a missing eventId stays null for the caller to assign. */
    public Validated<FollowUp> validate(JsonNode node, int index) {
        return FieldReader.read(node, index, this::readFollowUp);
    }

    private Supplier<FollowUp> readFollowUp(FieldReader r, UUID eventId) {
        String customerId = r.requiredText("customerId", FieldReader.SHORT);
        String customerName = r.requiredText("customerName", FieldReader.MEDIUM);
        String phone = r.optionalText("phone", 32);
        String email = r.optionalText("email", 254);
        String wechat = r.optionalText("wechat", FieldReader.SHORT);
        checkContacts(r, phone, email, wechat);
        String company = r.optionalText("company", FieldReader.MEDIUM);
        String position = r.optionalText("position", FieldReader.MEDIUM);
        String repId = r.requiredText("repId", FieldReader.SHORT);
        String repName = r.optionalText("repName", FieldReader.MEDIUM);
        String teamId = r.optionalText("teamId", FieldReader.SHORT);
        Instant occurredAt = r.occurredAt(timeRules);
        Channel channel = r.requiredEnum("channel", Channel.class);
        String content = r.requiredLongText("content", CONTENT_MAX);
        String stage = checkStage(r, r.requiredText("stage", FieldReader.SHORT));
        String result = r.optionalLongText("result", 2_000);
        Instant nextFollowUpAt = r.optionalInstant("nextFollowUpAt");
        if (nextFollowUpAt != null && occurredAt != null && !nextFollowUpAt.isAfter(occurredAt)) {
            r.error("nextFollowUpAt", MessageCode.NOT_AFTER_OCCURRED);
        } else if (nextFollowUpAt != null && occurredAt != null
                && nextFollowUpAt.isAfter(occurredAt.atOffset(ZoneOffset.UTC).plus(NEXT_FOLLOW_UP_HORIZON).toInstant())) {
            r.error("nextFollowUpAt", MessageCode.TOO_FAR_AHEAD, NEXT_FOLLOW_UP_HORIZON.getYears());
        }
        String lostReason = r.optionalLongText("lostReason", 2_000);
        if (Pipeline.LOST.equals(stage) && lostReason == null && !r.present("lostReason")) {
            r.error("lostReason", MessageCode.LOST_REASON_REQUIRED);
        }
        List<String> tags = r.optionalTextList("tags", 20, 50);
        String level = r.optionalText("level", 1);
        if (level != null && !LEVELS.contains(level.toUpperCase(java.util.Locale.ROOT))) {
            r.error("level", MessageCode.NOT_A_LEVEL);
        }
        String source = r.optionalText("source", 100);
        ExpectedDeal deal = checkExpectedDeal(r, occurredAt);
        return () -> new FollowUp(eventId, customerId, customerName, phone,
                email == null ? null : email.toLowerCase(java.util.Locale.ROOT), wechat, company, position,
                repId, repName, teamId, occurredAt, channel, content, stage, result, nextFollowUpAt, lostReason,
                tags, level == null ? null : level.toUpperCase(java.util.Locale.ROOT), source,
                deal.amount(), deal.currency(), deal.closeDate());
    }

    /**
     * The rep's estimate of the deal: an amount held to a sale's rules (its currency defaults to CNY as
     * a sale's does), and a close date no earlier than the first event time Pulse accepts and no
     * further out than a planned next contact may be, counted from this contact.
     */
    private static ExpectedDeal checkExpectedDeal(FieldReader r, Instant occurredAt) {
        BigDecimal amount = r.optionalDecimal("expectedAmount");
        if (amount != null && !SaleValidator.isValidAmount(amount)) {
            r.error("expectedAmount", MessageCode.BAD_EXPECTED_AMOUNT);
        }
        String currency = r.optionalText("expectedCurrency", 3);
        if (currency != null && !Currencies.isKnown(currency.toUpperCase(java.util.Locale.ROOT))) {
            r.error("expectedCurrency", MessageCode.NOT_A_CURRENCY);
        }
        LocalDate closeDate = r.optionalDate("expectedCloseDate");
        if (closeDate != null && occurredAt != null && (closeDate.isBefore(EARLIEST_CLOSE)
                || closeDate.isAfter(occurredAt.atOffset(ZoneOffset.UTC).toLocalDate().plus(NEXT_FOLLOW_UP_HORIZON)))) {
            r.error("expectedCloseDate", MessageCode.CLOSE_DATE_OUT_OF_RANGE, NEXT_FOLLOW_UP_HORIZON.getYears());
        }
        if (currency == null && amount != null) {
            currency = "CNY";
        }
        return new ExpectedDeal(amount, currency == null ? null : currency.toUpperCase(java.util.Locale.ROOT), closeDate);
    }

    private record ExpectedDeal(BigDecimal amount, String currency, LocalDate closeDate) {
    }

    private static void checkContacts(FieldReader r, String phone, String email, String wechat) {
        boolean anyPresent = r.present("phone") || r.present("email") || r.present("wechat");
        if (!anyPresent) {
            r.error("phone", MessageCode.CONTACT_REQUIRED);
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            r.error("phone", MessageCode.NOT_A_PHONE);
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            r.error("email", MessageCode.NOT_AN_EMAIL);
        }
    }

    private String checkStage(FieldReader r, String stage) {
        if (stage == null) {
            return null;
        }
        String code = stage.toUpperCase(java.util.Locale.ROOT);
        if (!pipeline.contains(code)) {
            r.error("stage", MessageCode.ONE_OF, pipeline.stages().stream().map(s -> s.code()).toList());
            return null;
        }
        return code;
    }
}

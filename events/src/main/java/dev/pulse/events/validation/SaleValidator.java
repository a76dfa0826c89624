package dev.pulse.events.validation;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.events.Sale;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** The field rules of a sale (DESIGN.md "Events"). */
public final class SaleValidator {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private final TimeRules timeRules;

    public SaleValidator(Clock clock, Duration allowedSkew) {
        this(new TimeRules(clock, allowedSkew));
    }

    private SaleValidator(TimeRules timeRules) {
        this.timeRules = timeRules;
    }

    /** For the consumers of the sales topic: every rule of ingest but the clock's (see {@link FollowUpValidator#forRecorded}). */
    public static SaleValidator forRecorded() {
        return new SaleValidator(TimeRules.RECORDED);
    }

    public static SaleValidator withDefaults() {
        return new SaleValidator(Clock.systemUTC(), TimeRules.DEFAULT_CLOCK_SKEW);
    }

    /** Positive, below 10^12 and at most 4 decimals: what {@code numeric(18, 4)} holds without rounding. */
    static boolean isValidAmount(BigDecimal amount) {
        return amount.signum() > 0 && amount.compareTo(MAX_AMOUNT) < 0 && amount.scale() <= 4;
    }

    public Validated<Sale> validate(JsonNode node, int index) {
        return FieldReader.read(node, index, this::readSale);
    }

    private Supplier<Sale> readSale(FieldReader r, UUID eventId) {
        String orderId = r.requiredText("orderId", FieldReader.SHORT);
        String customerId = r.requiredText("customerId", FieldReader.SHORT);
        String repId = r.requiredText("repId", FieldReader.SHORT);
        String teamId = r.optionalText("teamId", FieldReader.SHORT);
        String product = r.requiredText("product", FieldReader.MEDIUM);
        BigDecimal amount = r.requiredDecimal("amount");
        if (amount != null && !isValidAmount(amount)) {
            r.error("amount", MessageCode.BAD_AMOUNT);
        }
        String currency = r.optionalText("currency", 3);
        if (currency != null && !Currencies.isKnown(currency.toUpperCase(Locale.ROOT))) {
            r.error("currency", MessageCode.NOT_A_CURRENCY);
        }
        String paymentMethod = r.optionalText("paymentMethod", FieldReader.SHORT);
        Instant occurredAt = r.occurredAt(timeRules);
        String shippingStatus = r.optionalText("shippingStatus", FieldReader.SHORT);
        return () -> new Sale(eventId, orderId, customerId, repId, teamId, product, amount,
                currency == null ? "CNY" : currency.toUpperCase(Locale.ROOT), paymentMethod, occurredAt,
                shippingStatus);
    }
}

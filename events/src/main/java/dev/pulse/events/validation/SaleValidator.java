package dev.pulse.events.validation;

import dev.pulse.events.messages.MessageCode;
import dev.pulse.events.Sale;
import dev.pulse.events.funnel.Revenue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The field rules of a sale (DESIGN.md "Events"). */
public final class SaleValidator {

    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    /** XXX (ISO 4217 "no currency") is left out: Pulse uses it for revenue whose currency was never recorded. */
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).filter(code -> !code.equals(Revenue.UNKNOWN_CURRENCY))
            .collect(Collectors.toUnmodifiableSet());
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private final TimeRules timeRules;

    public SaleValidator(Clock clock, Duration allowedSkew) {
        this.timeRules = new TimeRules(clock, allowedSkew);
    }

    public static SaleValidator withDefaults() {
        return new SaleValidator(Clock.systemUTC(), Duration.ofMinutes(5));
    }

    /** Three capital letters is only the shape: XYZ is no currency, and a report would sum it with CNY. */
    private static boolean isKnownCurrency(String code) {
        return CURRENCY.matcher(code).matches() && CURRENCIES.contains(code);
    }

    public Validated<Sale> validate(JsonNode node, int index) {
        if (node == null || !node.isObject()) {
            return new Validated<>(null, List.of(new FieldError(index, "", MessageCode.NOT_AN_OBJECT)));
        }
        FieldReader r = new FieldReader(node, index);
        UUID eventId = r.optionalUuid("eventId");
        String orderId = r.requiredText("orderId", FieldReader.SHORT);
        String customerId = r.requiredText("customerId", FieldReader.SHORT);
        String repId = r.requiredText("repId", FieldReader.SHORT);
        String teamId = r.optionalText("teamId", FieldReader.SHORT);
        String product = r.requiredText("product", FieldReader.MEDIUM);
        BigDecimal amount = r.requiredDecimal("amount");
        if (amount != null && (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) >= 0 || amount.scale() > 4)) {
            r.error("amount", MessageCode.BAD_AMOUNT);
        }
        String currency = r.optionalText("currency", 3);
        if (currency != null && !isKnownCurrency(currency.toUpperCase(Locale.ROOT))) {
            r.error("currency", MessageCode.NOT_A_CURRENCY);
        }
        String paymentMethod = r.optionalText("paymentMethod", FieldReader.SHORT);
        Instant occurredAt = r.requiredInstant("occurredAt");
        timeRules.checkOccurredAt(r, "occurredAt", occurredAt);
        String shippingStatus = r.optionalText("shippingStatus", FieldReader.SHORT);
        if (!r.errors().isEmpty()) {
            return new Validated<>(null, r.errors());
        }
        return new Validated<>(new Sale(eventId, orderId, customerId, repId, teamId, product, amount,
                currency == null ? "CNY" : currency.toUpperCase(Locale.ROOT), paymentMethod, occurredAt,
                shippingStatus), List.of());
    }
}

package dev.pulse.events.validation;

import dev.pulse.events.funnel.Revenue;
import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The currencies a sale or an expected deal may carry: the ISO 4217 codes Java knows, XXX left out. */
final class Currencies {

    private static final Pattern CODE = Pattern.compile("^[A-Z]{3}$");
    /** XXX (ISO 4217 "no currency") is left out: Pulse uses it for revenue whose currency was never recorded. */
    private static final Set<String> KNOWN = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).filter(code -> !code.equals(Revenue.UNKNOWN_CURRENCY))
            .collect(Collectors.toUnmodifiableSet());

    private Currencies() {
    }

    /** Three capital letters is only the shape: XYZ is no currency, and a report would sum it with CNY. */
    static boolean isKnown(String code) {
        return CODE.matcher(code).matches() && KNOWN.contains(code);
    }
}

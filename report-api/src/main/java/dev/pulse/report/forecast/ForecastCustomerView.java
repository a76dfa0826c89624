package dev.pulse.report.forecast;

import dev.pulse.report.journey.OwnedCustomer;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An open customer behind a forecast figure: its expected deal, stage and the probability applied. */
public record ForecastCustomerView(String customerId, String customerName, String ownerRep, String ownerTeam,
                                   String source, String stage, BigDecimal expectedAmount, String currency,
                                   LocalDate expectedCloseDate, BigDecimal probability, BigDecimal weighted)
        implements OwnedCustomer {
}

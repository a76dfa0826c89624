package dev.pulse.report.drill;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A sale behind the overview's sales or revenue figure. */
public record SaleRow(String orderId, String customerId, String repId, String teamId, String product, BigDecimal amount,
                      String currency, OffsetDateTime occurredAt) {
}

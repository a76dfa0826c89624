package dev.pulse.report.funnel;

import java.math.BigDecimal;

/**
 * Follow-up to sale conversion of one owner rep's customers.
 *
 * @param teamId            the rep's team on the latest cohort day of the answer (a rep who changed
 *                          teams is shown in the new one)
 * @param customersWithSale customers with at least one sale
 * @param revenue           the sum of their sales, 2 decimals
 * @param conversion        customersWithSale / customers, 4 decimals; null without customers
 */
public record RepConversionView(String repId, String teamId, long customers, long customersWithSale,
                                BigDecimal revenue, BigDecimal conversion) {
}

package dev.pulse.report.funnel;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Follow-up to sale conversion of one owner rep's customers.
 *
 * @param teamId            the rep's team on the latest cohort day of the answer (a rep who changed
 *                          teams is shown in the new one)
 * @param customersWithSale customers with at least one sale
 * @param revenueByCurrency the sum of their sales per currency (ISO 4217 code -> amount, 2 decimals,
 *                          codes in alphabetical order; empty without sales). Amounts of different
 *                          currencies are never added; XXX is revenue projected before currencies
 *                          were kept, of unknown currency, until a rebuild
 * @param conversion        customersWithSale / customers, 4 decimals; null without customers
 */
public record RepConversionView(String repId, String teamId, long customers, long customersWithSale,
                                Map<String, BigDecimal> revenueByCurrency, BigDecimal conversion) {
}

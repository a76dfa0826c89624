package dev.pulse.report.cycle;

import java.math.BigDecimal;
import java.util.List;

/**
 * Pipeline velocity of a cohort with its four parts: open customers x win rate x average deal /
 * cycle length, the money the pipeline brings per day. One figure per currency, as revenue is
 * (amounts are never added across currencies).
 *
 * @param openCustomers    customers neither won nor lost
 * @param winRate          won / (won + lost), 4 decimals; null while none closed
 * @param averageCycleDays mean whole days from first follow-up to won, 2 decimals; null without won customers
 * @param byCurrency       per currency of the won customers' sales
 */
public record VelocityView(long openCustomers, long won, long lost, BigDecimal winRate, BigDecimal averageCycleDays,
                           List<Deal> byCurrency) {

    /**
     * @param wonWithSale    won customers with a sale in this currency
     * @param revenue        their sales in it
     * @param averageDeal    revenue / wonWithSale, 2 decimals
     * @param velocityPerDay openCustomers x winRate x averageDeal / averageCycleDays from the unrounded parts,
     *                       2 decimals; null when a part is missing or the cycle is 0 days
     */
    public record Deal(String currency, long wonWithSale, BigDecimal revenue, BigDecimal averageDeal,
                       BigDecimal velocityPerDay) {
    }
}

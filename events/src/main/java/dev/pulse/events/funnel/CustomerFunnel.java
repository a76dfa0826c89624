package dev.pulse.events.funnel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One customer's place in the funnel, derived from its whole stage history ordered by
 * {@code occurredAt} (so an out-of-order arrival changes nothing): what the stream processor
 * derives from the customer's journey to decide which funnel cell it leaves and joins.
 *
 * @param cohortDay    day of the first follow-up in the reporting time zone
 * @param repId        owner: the rep of the latest follow-up
 * @param source       source of the first follow-up that names one
 * @param reached      stages reached: every forward stage up to the furthest one (skipped ones
 *                     count), and LOST if the customer was ever lost
 * @param transitions  each stage change in order, as {@code FROM>TO}
 * @param stageDays    per stage entered and later left for a later stage, whole days spent
 * @param withSale     the customer has at least one sale
 * @param revenue      the sum of its sales per currency (ISO 4217 code -> amount)
 */
public record CustomerFunnel(
        String customerId,
        LocalDate cohortDay,
        String repId,
        String teamId,
        String source,
        String currentStage,
        List<String> reached,
        List<String> transitions,
        Map<String, Integer> stageDays,
        boolean withSale,
        Map<String, BigDecimal> revenue) {

    public CustomerFunnel {
        revenue = Revenue.of(revenue);
    }
}

package dev.pulse.report.forecast;

import static dev.pulse.report.journey.CustomerJourneys.CUSTOMER_ID;
import static dev.pulse.report.journey.CustomerJourneys.CUSTOMER_NAME;
import static dev.pulse.report.journey.CustomerJourneys.EXPECTED_AMOUNT;
import static dev.pulse.report.journey.CustomerJourneys.EXPECTED_CLOSE_DATE;
import static dev.pulse.report.journey.CustomerJourneys.EXPECTED_CURRENCY;
import static dev.pulse.report.journey.CustomerJourneys.OWNER_REP;
import static dev.pulse.report.journey.CustomerJourneys.OWNER_TEAM;
import static dev.pulse.report.journey.CustomerJourneys.SOURCE;
import static dev.pulse.report.journey.CustomerJourneys.STAGE;
import static org.jooq.impl.DSL.noCondition;

import dev.pulse.events.Pipeline;
import dev.pulse.events.Stage;
import dev.pulse.events.messages.MessageCode;
import dev.pulse.report.funnel.FunnelFilter;
import dev.pulse.report.journey.CustomerJourneys;
import dev.pulse.report.web.BadRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The forecast (DESIGN.md definition 7): open customers' latest expected amount times the
 * probability of their current stage, by month of their latest expected close date, per currency.
 */
@Service
public class ForecastQueries {

    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private final DSLContext db;
    private final CustomerJourneys journeys;
    private final StageProbabilities probabilities;
    private final ForecastProperties properties;

    ForecastQueries(DSLContext db, CustomerJourneys journeys, ObjectProvider<Pipeline> pipeline,
                    ForecastProperties properties) {
        this.db = db;
        this.journeys = journeys;
        this.probabilities = new StageProbabilities(db, pipeline.getIfAvailable(Pipeline::defaults), journeys.wonStages(),
                journeys.stageOrder());
        this.properties = properties;
    }

    public int defaultLearningMonths() {
        return properties.learningMonths();
    }

    public ZoneId zone() {
        return journeys.zone();
    }

    /** The learned (and configured) probability of every open stage, over {@code months} up to {@code asOf}. */
    public List<StageProbabilityView> stageProbabilities(FunnelFilter owner, LocalDate asOf, int months) {
        ZoneId zone = journeys.zone();
        return probabilities.learn(asOf.plusDays(1).minusMonths(months).atStartOfDay(zone).toOffsetDateTime(),
                asOf.plusDays(1).atStartOfDay(zone).toOffsetDateTime(),
                new StageProbabilities.Owner(owner.repId(), owner.teamId(), owner.source()), owner.scope(),
                properties.stageProbabilities());
    }

    /**
     * The customers behind one row of the probability table, as {@link #stageProbabilities} counts them:
     * those who reached the open stage {@code code} in the window, or only those won at its end.
     *
     * A code that is not an open stage is refused (400) with the open stages' codes, without a query.
     */
    public List<StageReachedView> stageCustomers(FunnelFilter owner, LocalDate asOf, int months, String code,
                                                 boolean wonOnly) {
        Stage stage = probabilities.openStage(code);
        if (stage == null) {
            throw new BadRequestException(MessageCode.PARAMETER_ONE_OF, "stage", probabilities.openStageCodes());
        }
        ZoneId zone = journeys.zone();
        return probabilities.customers(asOf.plusDays(1).minusMonths(months).atStartOfDay(zone).toOffsetDateTime(),
                asOf.plusDays(1).atStartOfDay(zone).toOffsetDateTime(),
                new StageProbabilities.Owner(owner.repId(), owner.teamId(), owner.source()), owner.scope(), stage, wonOnly);
    }

    /** {@code closing}: its range is the expected close dates asked for. */
    public ForecastView forecast(FunnelFilter closing, ForecastGrouping grouping, LocalDate asOf, int months) {
        List<StageProbabilityView> stages = stageProbabilities(closing, asOf, months);
        Map<RowKey, List<ForecastCustomerView>> byRow = new TreeMap<>(Comparator.comparing(RowKey::month)
                .thenComparing(RowKey::group, NULLS_LAST).thenComparing(RowKey::currency));
        for (ForecastCustomerView c : customers(closing, grouping, stages, noCondition())) {
            byRow.computeIfAbsent(new RowKey(YearMonth.from(c.expectedCloseDate()).toString(), groupOf(c, grouping),
                    c.currency()), k -> new ArrayList<>()).add(c);
        }
        Map<String, BigDecimal> configured = properties.stageProbabilities();
        List<ForecastRow> rows = new ArrayList<>();
        byRow.forEach((key, customers) -> rows.add(new ForecastRow(key.month(), key.group(), key.currency(),
                customers.size(), sum(customers.stream().map(ForecastCustomerView::expectedAmount).toList()),
                sum(customers.stream().map(ForecastCustomerView::weighted).toList()),
                configured.isEmpty() ? null : sum(customers.stream().map(c -> c.expectedAmount()
                        .multiply(configured.getOrDefault(c.stage(), BigDecimal.ZERO))).toList()))));
        return new ForecastView(asOf, months, stages, rows);
    }

    /** Every open customer of the filter with an expected deal closing in its range, weighed. */
    List<ForecastCustomerView> openCustomers(FunnelFilter closing, LocalDate asOf, int months) {
        return customers(closing, ForecastGrouping.NONE, stageProbabilities(closing, asOf, months), noCondition());
    }

    /** The open customers behind one forecast row: its month, group (null: none) and currency. */
    public List<ForecastCustomerView> customersOf(FunnelFilter closing, ForecastGrouping grouping, String group,
                                                  YearMonth month, String currency, LocalDate asOf, int months) {
        Condition inGroup = grouping.column() == null ? noCondition()
                : group == null ? grouping.column().isNull() : grouping.column().eq(group);
        Condition row = inGroup.and(EXPECTED_CLOSE_DATE.between(month.atDay(1), month.atEndOfMonth()))
                .and(currency == null ? noCondition() : EXPECTED_CURRENCY.eq(currency));
        return customers(closing, grouping, stageProbabilities(closing, asOf, months), row);
    }

    private List<ForecastCustomerView> customers(FunnelFilter closing, ForecastGrouping grouping,
                                                 List<StageProbabilityView> stages, Condition row) {
        Map<String, BigDecimal> probability = stages.stream().filter(s -> s.learned() != null)
                .collect(Collectors.toMap(StageProbabilityView::stage, StageProbabilityView::learned));
        List<String> open = stages.stream().map(StageProbabilityView::stage).toList();
        return db.select(CUSTOMER_ID, CUSTOMER_NAME, OWNER_REP, OWNER_TEAM, SOURCE, STAGE, EXPECTED_AMOUNT,
                        EXPECTED_CURRENCY, EXPECTED_CLOSE_DATE)
                .from(journeys.closingIn(closing))
                .where(STAGE.in(open)).and(EXPECTED_AMOUNT.isNotNull()).and(row)
                .orderBy(EXPECTED_CLOSE_DATE, CUSTOMER_ID)
                .fetch(r -> {
                    BigDecimal p = probability.getOrDefault(r.value6(), BigDecimal.ZERO);
                    return new ForecastCustomerView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                            r.value6(), r.value7(), r.value8(), r.value9(), p,
                            r.value7().multiply(p).setScale(2, RoundingMode.HALF_UP));
                });
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    private record RowKey(String month, String group, String currency) {
    }

    private static String groupOf(ForecastCustomerView c, ForecastGrouping grouping) {
        return switch (grouping) {
            case NONE -> null;
            case REP -> c.ownerRep();
            case TEAM -> c.ownerTeam();
            case SOURCE -> c.source();
        };
    }
}

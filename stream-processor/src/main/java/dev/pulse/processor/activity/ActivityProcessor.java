package dev.pulse.processor.activity;

import dev.pulse.events.FollowUp;
import dev.pulse.events.activity.ActivityRow;
import dev.pulse.events.activity.ActivityScope;
import dev.pulse.events.activity.Granularity;
import java.time.ZoneId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts follow-ups and distinct customers per rep (or team), period and channel. Runs after a
 * repartition by rep (or team), so one task owns all of a subject's rows. Each follow-up updates
 * its day, ISO week and month row and forwards the full new row.
 */
final class ActivityProcessor implements Processor<String, FollowUp, String, ActivityRow> {

    private final ActivityScope scope;
    private final ZoneId zone;
    private final String rowsStore;
    private final String customersStore;
    private ProcessorContext<String, ActivityRow> context;
    private KeyValueStore<String, ActivityRow> rows;
    private KeyValueStore<String, Long> customersSeen;

    ActivityProcessor(ActivityScope scope, ZoneId zone, String rowsStore, String customersStore) {
        this.scope = scope;
        this.zone = zone;
        this.rowsStore = rowsStore;
        this.customersStore = customersStore;
    }

    @Override
    public void init(ProcessorContext<String, ActivityRow> context) {
        this.context = context;
        this.rows = context.getStateStore(rowsStore);
        this.customersSeen = context.getStateStore(customersStore);
    }

    @Override
    public void process(Record<String, FollowUp> record) {
        FollowUp followUp = record.value();
        String repId = scope == ActivityScope.REP ? followUp.repId() : null;
        for (Granularity granularity : Granularity.values()) {
            Granularity.Period period = granularity.periodOf(followUp.occurredAt(), zone);
            String key = ActivityRow.keyOf(scope, granularity, period.bucket(), repId, followUp.teamId());
            ActivityRow row = rows.get(key);
            if (row == null) {
                row = ActivityRow.empty(scope, repId, followUp.teamId(), granularity, period);
            }
            String customerKey = row.customerKey(followUp.customerId());
            boolean newCustomer = customersSeen.get(customerKey) == null;
            if (newCustomer) {
                customersSeen.put(customerKey, followUp.occurredAt().toEpochMilli());
            }
            ActivityRow updated = row.plus(followUp.channel().name(), newCustomer);
            rows.put(key, updated);
            context.forward(new Record<>(key, updated, record.timestamp()));
        }
    }
}

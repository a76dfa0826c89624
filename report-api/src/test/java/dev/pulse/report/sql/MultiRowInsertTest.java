package dev.pulse.report.sql;

import static dev.pulse.report.db.Tables.PROJECTOR_OFFSET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.excluded;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockExecuteContext;
import org.jooq.tools.jdbc.MockResult;
import org.junit.jupiter.api.Test;

/** The statements a multi-row insert sends, captured by a mock JDBC connection. */
class MultiRowInsertTest {

    private static final List<Field<?>> COLUMNS = List.of(PROJECTOR_OFFSET.CONSUMER_GROUP, PROJECTOR_OFFSET.TOPIC,
            PROJECTOR_OFFSET.PARTITION_NO, PROJECTOR_OFFSET.NEXT_OFFSET);

    private final List<MockExecuteContext> executed = new ArrayList<>();
    private final DSLContext db = DSL.using(new MockConnection(context -> {
        executed.add(context);
        return new MockResult[] {new MockResult(context.bindings().length / COLUMNS.size(), null)};
    }), SQLDialect.POSTGRES);

    @Test
    void shouldSendOneStatementWithEveryValueBoundWhenTheRowsFit() {
        // when
        int written = MultiRowInsert.insert(db, PROJECTOR_OFFSET, COLUMNS, List.of(1, 2, 3),
                i -> new Object[] {"group", "topic-'" + i, i, 100L + i}, InsertValuesStepN::onConflictDoNothing);

        // then
        assertThat(written).isEqualTo(3);
        assertThat(executed).hasSize(1);
        assertThat(executed.getFirst().bindings())
                .containsExactly("group", "topic-'1", 1, 101L, "group", "topic-'2", 2, 102L, "group", "topic-'3", 3, 103L);
        assertThat(executed.getFirst().sql()).doesNotContain("topic-").contains("on conflict do nothing");
    }

    @Test
    void shouldCutTheRowsIntoStatementsOfAtMost32000BindValuesInTheirOrder() {
        // given 20,000 rows of 4 values: 80,000 values, 8,000 rows per statement
        List<Integer> rows = IntStream.range(0, 20_000).boxed().toList();

        // when
        int written = MultiRowInsert.insert(db, PROJECTOR_OFFSET, COLUMNS, rows,
                i -> new Object[] {"group", "topic", i, (long) i},
                insert -> insert.onConflict(PROJECTOR_OFFSET.CONSUMER_GROUP, PROJECTOR_OFFSET.TOPIC,
                        PROJECTOR_OFFSET.PARTITION_NO).doUpdate()
                        .set(PROJECTOR_OFFSET.NEXT_OFFSET, excluded(PROJECTOR_OFFSET.NEXT_OFFSET)));

        // then
        assertThat(written).isEqualTo(20_000);
        assertThat(executed).extracting(context -> context.bindings().length).containsExactly(32_000, 32_000, 16_000);
        assertThat(executed.get(1).bindings()[2]).isEqualTo(8_000);
        assertThat(executed).allSatisfy(context -> assertThat(context.sql()).contains("excluded"));
    }

    @Test
    void shouldSendNothingForNoRows() {
        // when
        int written = MultiRowInsert.insert(db, PROJECTOR_OFFSET, COLUMNS, List.<Integer>of(),
                i -> new Object[0], InsertValuesStepN::onConflictDoNothing);

        // then
        assertThat(written).isZero();
        assertThat(executed).isEmpty();
    }
}

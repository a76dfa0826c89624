package dev.pulse.report.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** COPY-staged inserts and additive upserts against a real PostgreSQL. */
class CopyInsertIT {

    private static final Table<Record> FIGURES = table(name("figures"));
    private static final Field<String> KEY = field(name("k"), SQLDataType.VARCHAR);
    private static final Field<Long> COUNT = field(name("n"), SQLDataType.BIGINT);
    private static final Field<BigDecimal> AMOUNT = field(name("amount"), SQLDataType.NUMERIC);
    private static final Field<String> NOTE = field(name("note"), SQLDataType.VARCHAR);
    private static final Field<OffsetDateTime> AT = field(name("at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final List<Field<?>> COLUMNS = List.of(KEY, COUNT, AMOUNT, NOTE, AT);

    private static EmbeddedPostgres postgres;
    private static DSLContext db;

    /** One row's values, in the order of {@link #COLUMNS}. */
    record Row(String key, long count, String amount, String note, String at) {
        Object[] values() {
            return new Object[] {key, count, new BigDecimal(amount), note, OffsetDateTime.parse(at)};
        }
    }

    @BeforeAll
    static void start() throws IOException {
        Path binaries = Path.of("target", "it-postgres", "binaries").toAbsolutePath();
        Files.createDirectories(binaries);
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(binaries.toFile()).start();
        db = DSL.using(postgres.getPostgresDatabase(), SQLDialect.POSTGRES);
        db.execute("create table figures (k varchar primary key, n bigint not null, amount numeric(14, 2) not null,"
                + " note varchar, at timestamptz not null)");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        db.execute("truncate figures");
    }

    @Test
    void shouldInsertNewRowsAndAddToExistingOnesInOneTransactionEach() {
        // given a first poll's sums
        upsert(List.of(new Row("a", 2, "10.50", "x", "2026-03-01T08:00:00+08:00"),
                new Row("b", 1, "1", null, "2026-03-01T08:00:00Z")));

        // when a second poll adds to "a", creates "c", and brings "b" to zero
        upsert(List.of(new Row("a", 3, "0.25", "他说\"好\", 下周签", "2026-03-02T09:30:00Z"),
                new Row("b", -1, "-1", "", "2026-03-02T09:30:00Z"),
                new Row("c", 7, "7.77", null, "2026-03-02T09:30:00Z")));

        // then figures are added, the time replaced, other columns kept from the insert
        assertThat(db.select(KEY, COUNT, AMOUNT, NOTE, AT).from(FIGURES).orderBy(KEY).fetch(r -> List.of(r.value1(),
                r.value2(), r.value3().toPlainString(), String.valueOf(r.value4()), r.value5().toInstant().toString())))
                .containsExactly(
                        List.of("a", 5L, "10.75", "x", "2026-03-02T09:30:00Z"),
                        List.of("b", 0L, "0.00", "null", "2026-03-02T09:30:00Z"),
                        List.of("c", 7L, "7.77", "null", "2026-03-02T09:30:00Z"));
    }

    @Test
    void shouldKeepTheFirstOfTwoRowsWithOneKeyWhenIgnoringConflicts() {
        // given
        Row first = new Row("a", 1, "1", "first", "2026-03-01T00:00:00Z");
        Row second = new Row("a", 2, "2", "second", "2026-03-01T00:00:00Z");

        // when
        int inserted = db.transactionResult(tx -> CopyInsert.insertIgnoringConflicts(tx.dsl(), FIGURES, COLUMNS,
                List.of(first, second, new Row("b", 3, "3", null, "2026-03-01T00:00:00Z")), Row::values));

        // then
        assertThat(inserted).isEqualTo(2);
        assertThat(db.select(NOTE).from(FIGURES).where(KEY.eq("a")).fetchOne(NOTE)).isEqualTo("first");
    }

    private static void upsert(List<Row> rows) {
        int written = db.transactionResult(tx -> CopyInsert.upsertAdding(tx.dsl(), FIGURES, COLUMNS, List.of(KEY),
                List.of(COUNT, AMOUNT), List.of(AT), rows, Row::values));
        assertThat(written).isEqualTo(rows.size());
    }
}

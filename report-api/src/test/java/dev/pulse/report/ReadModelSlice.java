package dev.pulse.report;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.jooq.test.autoconfigure.JooqTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A jOOQ slice on a fresh, migrated database of a real PostgreSQL ({@link ReadModelDatabase});
 * each test's writes are rolled back. The test imports the repository it tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JooqTest
@ContextConfiguration(initializers = ReadModelDatabase.class)
public @interface ReadModelSlice {
}

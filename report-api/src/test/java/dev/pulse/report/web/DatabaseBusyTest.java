package dev.pulse.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class DatabaseBusyTest {

    private final DatabaseBusy handler = new DatabaseBusy();

    @Test
    void shouldAnswer503WithRetryAfterWhenNoConnectionCameInTime() {
        var timeout = new org.jooq.exception.DataAccessException("Error getting connection from data source",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms"));

        var answer = handler.databaseFailure(timeout);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.getBody().getDetail()).contains("busy");
    }

    @Test
    void shouldAnswer500WithoutDetailsForAnyOtherDatabaseFailure() {
        var broken = new org.jooq.exception.DataAccessException("syntax error", new SQLException("relation does not exist"));

        var answer = handler.databaseFailure(broken);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getDetail()).isNull();
    }
}

package dev.pulse.report.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CopyInsertTest {

    @Test
    void shouldQuoteEveryValueDoubleItsQuotesAndLeaveNullUnquotedAndEmpty() {
        StringBuilder csv = new StringBuilder();
        CopyInsert.appendValue(csv, "他说\"好\", 下周签\n合同");
        csv.append(',');
        CopyInsert.appendValue(csv, null);
        csv.append(',');
        CopyInsert.appendValue(csv, "");
        csv.append(',');
        CopyInsert.appendValue(csv, new BigDecimal("1E+3"));

        assertThat(csv).hasToString("\"他说\"\"好\"\", 下周签\n合同\",,\"\",\"1000\"");
    }
}

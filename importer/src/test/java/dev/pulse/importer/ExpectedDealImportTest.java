package dev.pulse.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.importer.convert.Problem;
import dev.pulse.importer.CsvImports.Imported;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: the importer reads 预计成交金额 / 预计成交日期 (and English headers) into the expected deal. */
class ExpectedDealImportTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheChineseHeadersAsSheetsWriteAmountsAndDates() throws IOException {
        // given: amounts with ¥, thousands separators and 万; dates with slashes, 年月日 and a time of day
        Imported run = importCsv("客户姓名,联系方式,跟进时间,跟进方式,跟进内容,客户状态,负责人,预计成交金额,币种,预计成交日期\n"
                + "甲,13800000001,2026-10-12 10:00,电话,报价,报价,王芳,\"¥12,800.50\",,2026/12/31\n"
                + "乙,13800000002,2026-10-12 10:00,电话,方案,方案,王芳,1.5万,usd,2027年1月15日 18:00\n"
                + "丙,13800000003,2026-10-12 10:00,电话,首次,潜在,王芳,,,\n");

        // then
        assertThat(run.summary().problems()).isEmpty();
        assertThat(run.events()).extracting(e -> e.path("expectedAmount").asString(null))
                .containsExactly("12800.5", "15000", null);
        // a sheet's currency is taken as given and upper-cased by the validator's rule only on ingest
        assertThat(run.events()).extracting(e -> e.path("expectedCurrency").asString(null))
                .containsExactly(null, "usd", null);
        assertThat(run.events()).extracting(e -> e.path("expectedCloseDate").asString(null))
                .containsExactly("2026-12-31", "2027-01-15", null);
    }

    @Test
    void shouldReadTheEnglishHeaders() throws IOException {
        Imported run = importCsv("name,phone,date,channel,content,stage,owner,expected amount,currency,expected close date\n"
                + "Ann,13800000001,2026-10-12 10:00,phone,quote sent,quote,rep-a,8000,EUR,2026-11-30\n");

        assertThat(run.summary().problems()).isEmpty();
        assertThat(run.events()).singleElement().satisfies(e -> {
            assertThat(e.get("expectedAmount").asString()).isEqualTo("8000");
            assertThat(e.get("expectedCurrency").asString()).isEqualTo("EUR");
            assertThat(e.get("expectedCloseDate").asString()).isEqualTo("2026-11-30");
        });
    }

    @Test
    void shouldRejectARowWhoseExpectedDealIsWrongNamingTheSheetsColumn() throws IOException {
        // given: an amount that is no number, a negative one, a currency nobody has, a close date too far out
        Imported run = importCsv("客户姓名,联系方式,跟进时间,跟进方式,跟进内容,客户状态,负责人,预计成交金额,币种,预计成交日期\n"
                + "甲,13800000001,2026-10-12 10:00,电话,报价,报价,王芳,很多,,\n"
                + "乙,13800000002,2026-10-12 10:00,电话,报价,报价,王芳,-5,,\n"
                + "丙,13800000003,2026-10-12 10:00,电话,报价,报价,王芳,100,ABC,\n"
                + "丁,13800000004,2026-10-12 10:00,电话,报价,报价,王芳,100,,2040-01-01\n");

        // then: every row is refused, each on its own column
        assertThat(run.events()).isEmpty();
        assertThat(run.summary().problems()).extracting(Problem::row, Problem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "预计成交金额"), org.assertj.core.groups.Tuple.tuple(3L, "预计成交金额"),
                org.assertj.core.groups.Tuple.tuple(4L, "币种"), org.assertj.core.groups.Tuple.tuple(5L, "预计成交日期"));
    }

    private Imported importCsv(String csv) throws IOException {
        return CsvImports.importCsv(dir, "deals.csv", csv);
    }
}

package dev.pulse.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.importer.convert.Problem;
import dev.pulse.importer.CsvImports.Imported;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, defect 3: a lost customer's reason when the sheet has no 流失原因 (or leaves it empty):
 * 跟进结果, else 备注, else 跟进内容; refused only when every one of them is empty.
 */
class LostReasonTest {

    private static final String HEADER = "客户姓名,联系方式,跟进时间,跟进方式,跟进内容,跟进结果,客户状态,负责人,备注\n";

    @TempDir
    Path dir;

    @Test
    void shouldTakeTheReasonFromTheResultThenTheNoteThenTheContent() throws IOException {
        // given: four lost customers without a 流失原因 column, each with one source less, and one open customer
        Imported run = importCsv(HEADER
                + "甲,13800000001,2025-10-12 10:00,电话,客户暂无预算,选了竞品,流失,王芳,预算不足\n"
                + "乙,13800000002,2025-10-12 10:00,电话,客户暂无预算,,流失,王芳,预算不足\n"
                + "丙,13800000003,2025-10-12 10:00,电话,客户暂无预算,,流失,王芳,\n"
                + "丁,13800000004,2025-10-12 10:00,电话,,,流失,王芳,\n"
                + "戊,13800000005,2025-10-12 10:00,电话,首次电话,有兴趣,意向,王芳,\n");

        // then: the first three are accepted, each with its reason from the first non-empty source
        assertThat(run.events()).extracting(e -> e.get("customerName").asString()).containsExactly("甲", "乙", "丙", "戊");
        assertThat(run.events()).extracting(e -> e.path("lostReason").asString(null))
                .containsExactly("选了竞品", "预算不足", "客户暂无预算", null);
        // and the note is still appended to the content as before
        assertThat(run.events().get(1).get("content").asString()).isEqualTo("客户暂无预算\n备注：预算不足");
        // and the row with nothing to give a reason (not even a content) is refused once, on 跟进内容
        assertThat(run.summary().rejected()).isEqualTo(1);
        assertThat(run.summary().problems()).singleElement().isEqualTo(new Problem(5, "跟进内容", "content is required; for a"
                + " lost customer it is also the lost reason when 流失原因, 跟进结果 and 备注 are empty"));
        // and the summary line says where the reasons came from
        assertThat(run.summary().lostReasonsFrom()).containsExactly(
                Map.entry("跟进结果", 1L), Map.entry("备注", 1L), Map.entry("跟进内容", 1L));
        // (in Chinese, as the sheet's headers are)
        assertThat(run.summary().text().lines().findFirst().orElseThrow()).isEqualTo(
                "lost.csv（csv UTF-8 delimiter ','，followups）：读取 5 行，接受 4 行，拒绝 1 行，4 个客户，"
                        + String.format("%.1f 秒", run.summary().millis() / 1000.0)
                        + "；流失原因取自 跟进结果 1 行、备注 1 行、跟进内容 1 行（流失原因为空）");
    }

    @Test
    void shouldPreferAGivenLostReasonAndFallBackOnlyWhereItIsEmpty() throws IOException {
        // given: a sheet that has the column, filled on one row and empty on the other
        Imported run = importCsv("客户姓名,联系方式,跟进时间,跟进方式,跟进内容,跟进结果,客户状态,负责人,流失原因\n"
                + "甲,13800000001,2025-10-12 10:00,电话,回访,选了竞品,流失,王芳,价格太高\n"
                + "乙,13800000002,2025-10-12 10:00,电话,回访,选了竞品,流失,王芳,\n");

        // then
        assertThat(run.events()).extracting(e -> e.get("lostReason").asString()).containsExactly("价格太高", "选了竞品");
        assertThat(run.summary().lostReasonsFrom()).containsExactly(Map.entry("跟进结果", 1L));
    }

    @Test
    void shouldSayNothingAboutLostReasonsWhenNoneWasTakenFromElsewhere() throws IOException {
        Imported run = importCsv(HEADER + "戊,13800000005,2025-10-12 10:00,电话,首次电话,有兴趣,意向,王芳,\n");

        assertThat(run.summary().lostReasonsFrom()).isEmpty();
        assertThat(run.summary().text()).doesNotContain("流失原因取自");
    }

    @Test
    void shouldSayWhereReasonsCameFromInEnglishForASheetWithEnglishHeaders() throws IOException {
        // given: English headers (recognised words) on a lost row with a note only
        Imported run = importCsv("name,phone,date,channel,content,result,stage,owner,note\n"
                + "Ann,13800000001,2025-10-12 10:00,phone,called,,lost,rep-a,no budget\n");

        assertThat(run.events()).singleElement().satisfies(e -> assertThat(e.get("lostReason").asString()).isEqualTo("no budget"));
        assertThat(run.summary().text().lines().findFirst().orElseThrow())
                .endsWith("; lost reason taken from note for 1 row (流失原因 empty)");
    }

    private Imported importCsv(String csv) throws IOException {
        return CsvImports.importCsv(dir, "lost.csv", csv);
    }
}

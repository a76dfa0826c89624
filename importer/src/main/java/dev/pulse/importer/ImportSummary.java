package dev.pulse.importer;

import dev.pulse.importer.convert.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What an import did: the figures of the final summary, the first problems (all of them are in the
 * rejected-rows file), the columns as they were understood, and the likely duplicate customers.
 *
 * @param rowsRead  data rows read (blank rows are not counted)
 * @param accepted  rows the ingest API accepted, or in a dry run rows that passed every rule
 * @param rejected  rows refused, each with its problems
 * @param problems  the first {@value Importer#MAX_PROBLEMS} problems
 * @param lostReasonsFrom accepted lost rows whose reason was taken from another column than 流失原因
 *                  (empty or absent), by that column's header, in the order the columns are tried
 * @param chinese   the sheet's headers are Chinese: its summary and reasons are told in Chinese
 */
public record ImportSummary(String file, String format, String type, boolean dryRun, long rowsRead, long accepted,
                            long rejected, long customers, long millis, Map<String, List<String>> columns,
                            List<String> ignoredColumns, List<Problem> problems, int problemsOmitted,
                            List<LikelyDuplicate> likelyDuplicates, int likelyDuplicatesTotal,
                            Map<String, Long> lostReasonsFrom, boolean chinese) {

    /** Different customer ids with the same name and company: reported for a person to decide. */
    public record LikelyDuplicate(String customerName, String company, Set<String> customerIds, List<Long> rows) {
    }

    /** The final lines printed by the CLI, in the sheet's language. */
    public String text() {
        StringBuilder out = new StringBuilder();
        if (chinese) {
            out.append(String.format("%s%s（%s，%s）：读取 %,d 行，接受 %,d 行，拒绝 %,d 行，%,d 个客户，%.1f 秒%s%n",
                    dryRun ? "试运行，未写入：" : "", file, format, type, rowsRead, accepted, rejected, customers,
                    millis / 1000.0, lostReasonsText()));
        } else {
            out.append(String.format("%s%s (%s, %s): %,d rows read, %,d accepted, %,d rejected, %,d customers, %.1f s%s%n",
                    dryRun ? "dry run, nothing written: " : "", file, format, type, rowsRead, accepted, rejected,
                    customers, millis / 1000.0, lostReasonsText()));
        }
        for (LikelyDuplicate d : likelyDuplicates) {
            out.append(String.format(chinese ? "疑似重复客户（未合并）：%s%s 对应 %s，行 %s%n"
                            : "likely duplicate (not merged): %s%s is %s, rows %s%n", d.customerName(),
                    d.company().isEmpty() ? "" : " / " + d.company(), d.customerIds(), d.rows()));
        }
        return out.toString();
    }

    /**
     * "; lost reason taken from 跟进结果 for 2 rows, 备注 for 1 row (流失原因 empty)" or
     * "；流失原因取自 跟进结果 2 行、备注 1 行（流失原因为空）", or nothing.
     */
    private String lostReasonsText() {
        if (lostReasonsFrom == null || lostReasonsFrom.isEmpty()) {
            return "";
        }
        StringJoiner sources = chinese ? new StringJoiner("、", "；流失原因取自 ", "（流失原因为空）")
                : new StringJoiner(", ", "; lost reason taken from ", " (流失原因 empty)");
        lostReasonsFrom.forEach((column, rows) -> sources.add(chinese ? String.format("%s %,d 行", column, rows)
                : String.format("%s for %,d row%s", column, rows, rows == 1 ? "" : "s")));
        return sources.toString();
    }
}

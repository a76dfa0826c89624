package dev.pulse.report.exports;

import dev.pulse.report.web.Parameters;
import dev.pulse.security.audit.AuditLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The one way a report or a drill-down list is exported: the caller reads its rows exactly as the
 * report does (same parameters, same scope), declares its {@link Columns} once, and this writes
 * them as CSV (BOM, formula-safe) or XLSX (typed cells) and records the export in the audit log.
 */
@Component
public class Exports {

    private final AuditLog audit;

    Exports(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * The choices of a list behind one row of a grouped report, for the audit log: the grouping and
     * the group (absent: the customers without one); the list adds its own after them.
     */
    public static Map<String, Object> groupChoices(Enum<?> grouping, String group) {
        Map<String, Object> choices = new LinkedHashMap<>();
        choices.put("groupBy", Parameters.lower(grouping));
        choices.put("group", Parameters.text(group));
        return choices;
    }

    /** The format asked for, refused with 400 before any query when unknown. */
    public ExportFormat format(String format) {
        return Parameters.oneOf(ExportFormat.class, "format", format);
    }

    /**
     * A cohort report cut by one grouping: the file is named after the cohort and the grouping
     * ({@code <report>_<from>_<to>_by-<grouping>}); the audit log keeps the cohort filters with the
     * grouping first among the report's own choices.
     */
    public <T> ResponseEntity<StreamingResponseBody> sendGrouped(String report, ExportFormat format, CohortFilter filter,
                                                                 Enum<?> grouping, Map<String, Object> choices,
                                                                 Columns<T> columns, List<T> rows) {
        Map<String, Object> grouped = new LinkedHashMap<>();
        grouped.put("groupBy", Parameters.lower(grouping));
        grouped.putAll(choices);
        String fileTail = filter.period() + "_by-" + Parameters.lower(grouping);
        return send(report, format, fileTail, filter.auditFilters(grouped), columns, rows);
    }

    /**
     * @param report   the report's name: the audit action is {@code export.<report>}, the sheet and file start with it
     * @param fileTail what makes the file name particular (a period, a grouping), built from validated values only
     * @param filters  the report's parameters as the audit log keeps them
     */
    public <T> ResponseEntity<StreamingResponseBody> send(String report, ExportFormat format, String fileTail,
                                                          Map<String, Object> filters, Columns<T> columns, List<T> rows) {
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("format", Parameters.lower(format));
        audited.putAll(filters);
        String fileName = report + (fileTail == null || fileTail.isEmpty() ? "" : "_" + fileTail) + "." + format.extension();
        return ExportFiles.send(audit, "export." + report, format, fileName, audited, columns.sheet(report, rows));
    }
}

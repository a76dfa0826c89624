package dev.pulse.importer.columns;

import dev.pulse.importer.sheet.SheetRow;
import dev.pulse.importer.values.Words;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which columns of one sheet fill which fields: the mapping file's columns first, in its order,
 * then every other column whose header is a known one. A second column with the same known
 * header is ignored (and reported), never merged.
 */
public final class ColumnBinding {

    private final List<String> header;
    private final Map<String, List<Integer>> columnsByField = new LinkedHashMap<>();
    private final List<String> ignored = new ArrayList<>();

    public ColumnBinding(List<String> header, EventKind kind, Mapping mapping) {
        this.header = List.copyOf(header);
        Map<Integer, List<String>> mapped = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> column : mapping.columns().entrySet()) {
            String key = Words.key(column.getKey());
            for (int i = 0; i < header.size(); i++) {
                if (!mapped.containsKey(i) && Words.key(header.get(i)).equals(key)) {
                    mapped.put(i, column.getValue());
                    for (String field : column.getValue()) {
                        columnsByField.computeIfAbsent(field, f -> new ArrayList<>()).add(i);
                    }
                    break;
                }
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (mapped.containsKey(i) || header.get(i).isEmpty()) {
                continue;
            }
            var field = KnownHeaders.field(kind, header.get(i));
            if (field.isPresent() && !columnsByField.containsKey(field.get())) {
                columnsByField.put(field.get(), new ArrayList<>(List.of(i)));
            } else {
                ignored.add(header.get(i));
            }
        }
    }

    public List<String> header() {
        return header;
    }

    public boolean has(String field) {
        return columnsByField.containsKey(field);
    }

    /** The first non-empty cell of the field's columns in this row, or "" when none is. */
    public String value(SheetRow row, String field) {
        for (int column : columnsByField.getOrDefault(field, List.of())) {
            String cell = row.cell(column);
            if (!cell.isEmpty()) {
                return cell;
            }
        }
        return "";
    }

    /** The header to name in an error about this field: its first column, or the field itself when no column fills it. */
    public String columnOf(String field) {
        List<Integer> columns = columnsByField.get(field);
        return columns == null || columns.isEmpty() ? field : header.get(columns.getFirst());
    }

    /** header -> fields, in the sheet's column order, for the summary. */
    public Map<String, List<String>> recognised() {
        Map<String, List<String>> recognised = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            for (Map.Entry<String, List<Integer>> field : columnsByField.entrySet()) {
                if (field.getValue().contains(i)) {
                    recognised.computeIfAbsent(header.get(i), h -> new ArrayList<>()).add(field.getKey());
                }
            }
        }
        return recognised;
    }

    public List<String> ignored() {
        return List.copyOf(ignored);
    }
}

package dev.pulse.importer;

import dev.pulse.events.duplicates.ContactKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts distinct customers and spots likely duplicates (the same name at the same company under
 * different customer ids, e.g. one person with a new phone number). Duplicates are reported, never
 * merged: only a person can tell a namesake from a repeat; the stream processor flags shared
 * contacts on its own.
 *
 * <p>Memory stays small on a million rows: customers are kept as 64-bit hashes in an open-addressing
 * table (a collision among a million ids has odds of about 1 in 30 million), and names are
 * remembered for the first {@value #MAX_NAMES} customers only.
 */
final class CustomerTally {

    static final int MAX_NAMES = 200_000;
    static final int MAX_REPORTED = 100;

    private long[] table = new long[1 << 12];
    private int size;
    private boolean hasZero;
    private final Map<String, String> firstIdByName = new HashMap<>();
    private final Map<String, ImportSummary.LikelyDuplicate> duplicates = new LinkedHashMap<>();
    private int duplicateCount;

    void add(String customerId, String name, String company, long row) {
        long hash = hash(customerId);
        boolean isNew = insert(hash);
        if (name == null || name.isBlank()) {
            return;
        }
        String key = ContactKeys.normalisedContent(name).toLowerCase(Locale.ROOT) + "|"
                + ContactKeys.normalisedContent(company).toLowerCase(Locale.ROOT);
        String first = firstIdByName.get(key);
        if (first == null) {
            if (isNew && firstIdByName.size() < MAX_NAMES) {
                firstIdByName.put(key, customerId);
            }
            return;
        }
        if (first.equals(customerId)) {
            return;
        }
        ImportSummary.LikelyDuplicate duplicate = duplicates.get(key);
        if (duplicate == null) {
            duplicateCount++;
            if (duplicates.size() >= MAX_REPORTED) {
                return;
            }
            duplicate = new ImportSummary.LikelyDuplicate(name.strip(), company == null ? "" : company.strip(),
                    new LinkedHashSet<>(List.of(first)), new ArrayList<>());
            duplicates.put(key, duplicate);
        }
        if (duplicate.customerIds().add(customerId) && duplicate.rows().size() < 20) {
            duplicate.rows().add(row);
        }
    }

    long customers() {
        return size + (hasZero ? 1 : 0);
    }

    int duplicateCount() {
        return duplicateCount;
    }

    List<ImportSummary.LikelyDuplicate> duplicates() {
        return duplicates.values().stream().map(d -> new ImportSummary.LikelyDuplicate(d.customerName(), d.company(),
                Set.copyOf(d.customerIds()), List.copyOf(d.rows()))).toList();
    }

    /** FNV-1a over the UTF-8 bytes, then a final mix so nearby ids spread over the table. */
    private static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private boolean insert(long hash) {
        if (hash == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) hash & mask;
        while (table[i] != 0) {
            if (table[i] == hash) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = hash;
        size++;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long hash : old) {
            if (hash != 0) {
                insert(hash);
            }
        }
    }
}

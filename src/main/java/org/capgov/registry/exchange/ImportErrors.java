package org.capgov.registry.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one import: all are counted, only the first {@code cap} are kept, so that a file of a
 * million bad rows neither fills the heap nor the database.
 */
final class ImportErrors {

    static final int MAX_VALUE = 200;

    private final int cap;
    private final List<ImportError> kept = new ArrayList<>();
    private long total;

    ImportErrors(int cap) {
        this.cap = cap;
    }

    void add(long row, String column, String value, String reason) {
        total++;
        if (kept.size() < cap) {
            kept.add(new ImportError(row, column, value == null ? "" : abbreviate(value), reason));
        }
    }

    long total() {
        return total;
    }

    boolean any() {
        return total > 0;
    }

    List<ImportError> kept() {
        return kept;
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE - 1) + "…";
    }
}

package org.capgov.supervision;

import java.util.List;
import java.util.Map;

/** One task of a data file (src/main/resources/supervision/tasks/*.yaml) with its document. */
record TaskSource(String key, String documentNumber, String documentTitle, String departmentPrefix,
        Map<String, String> aliases, int firstYear, Integer row, String section, String title, String text, String quote,
        List<String> lead, List<String> cooperating, String region, Deadline deadline, String deadlineText,
        String output) {
}

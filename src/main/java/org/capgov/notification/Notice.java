package org.capgov.notification;

import java.util.List;

/**
 * Something people should know, published as an application event inside the transaction that caused it. The
 * audience is resolved to people when delivered: members of the named departments, and people holding one of
 * {@code roles} whose region subtree covers {@code regionPath} (e.g. the district officers and the coordinator of
 * the enterprise's district).
 *
 * @param kind       a stable code for filtering and templates, e.g. {@code CASE_OVERDUE}
 * @param title      Chinese, one line
 * @param body       Chinese, plain text
 * @param link       a path inside the application (e.g. {@code /enforcement/cases/…}), or null
 * @param dedupKey   a notice with the same key is delivered once per person (sweeps may run twice), or null
 */
public record Notice(
        String kind, String title, String body, String link, String regionPath,
        List<String> departmentCodes, List<String> roles, String dedupKey) {

    public Notice {
        departmentCodes = departmentCodes == null ? List.of() : List.copyOf(departmentCodes);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}

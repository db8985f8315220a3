package org.capgov.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise as submitted (API body, import row, page form). Only {@code uscc}, {@code name}, {@code region}
 * and {@code industries} are required. {@code acceptCheckCharacter} accepts a code whose only fault is a check
 * character; such a code stays flagged.
 */
public record EnterpriseDraft(String uscc, String name, String region, List<String> industries, String address,
        String legalRepresentative, String parentUscc, List<String> affiliates, List<String> gridAccounts,
        String status, LocalDate statusSince, Boolean acceptCheckCharacter) {
}

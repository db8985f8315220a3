package org.capgov.enforcement;

import java.time.LocalDate;
import org.capgov.shared.Dimension;

/**
 * Why and since when an enterprise is on the red list: {@code CLOSURE} — closure approved after a failed rectification
 * (APPROVE_CLOSURE, the government's decision and its document number); {@code EXIT} — eliminated equipment exited by
 * law (the ANNOUNCE of an exit case and its document number).
 */
public record RedListCase(String caseId, Basis basis, Dimension dimension, LocalDate since, String document,
        String departmentCode, String departmentName) {

    public enum Basis {
        CLOSURE, EXIT
    }
}

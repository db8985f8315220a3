package org.capgov.enforcement;

import java.time.LocalDate;
import org.capgov.shared.Dimension;

/**
 * Why and since when an enterprise is on the red list ("经整改仍不达标、已依法关闭"): {@code CLOSURE}, its closure approved
 * after a failed rectification (APPROVE_CLOSURE, the government's decision and its document number). It stays on the
 * list until {@code until}, 31 December of that year: the seeds publish the year's enforcement (当年执法监督执行情况).
 * An elimination exit is not a ground (it is on the annual exit list); see docs/decisions/enforcement-readings.md.
 */
public record RedListCase(String caseId, Basis basis, Dimension dimension, LocalDate since, LocalDate until,
        String document, String departmentCode, String departmentName) {

    public enum Basis {
        CLOSURE
    }
}

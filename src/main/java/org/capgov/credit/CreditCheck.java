package org.capgov.credit;

import java.time.Instant;
import java.util.List;

/**
 * One logged check: the trigger (caller, department, enterprise, measure), the response (restricted, measures, the
 * records it rested on) and, once given, the caller's feedback (what it did).
 */
public record CreditCheck(String id, String caller, String department, String uscc, CreditMeasure measure,
        boolean restricted, List<CreditMeasure> resultMeasures, List<Long> recordIds, Instant checkedAt,
        CheckFeedbackAction feedbackAction, String feedbackNote, Instant feedbackAt) {
}

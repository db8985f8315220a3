package org.capgov.enforcement;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A case with its timeline (in order of effective date, then of recording), its exit measures and the actions the
 * caller may take now (so that pages offer only those).
 */
public record CaseDetail(@JsonUnwrapped EnforcementCase summary, List<CaseEvent> timeline,
        List<ExitMeasureRecord> exitMeasures, List<CaseAction> allowedActions) {
}

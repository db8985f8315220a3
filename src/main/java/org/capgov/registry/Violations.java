package org.capgov.registry;

import java.util.List;
import org.capgov.shared.DomainException;

/** Turns row violations into the 400 answer of the API and pages. */
final class Violations {

    private Violations() {
    }

    static DomainException toException(List<Violation> violations) {
        return DomainException.invalid(violations.stream()
                .map(v -> new DomainException.FieldProblem(v.field(), v.value(), v.reason())).toList());
    }
}

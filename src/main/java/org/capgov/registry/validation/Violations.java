package org.capgov.registry.validation;

import java.util.List;
import org.capgov.shared.DomainException;
import org.capgov.registry.Violation;

/** Turns row violations into the 400 answer of the API and pages. */
public final class Violations {

    private Violations() {
    }

    public static DomainException toException(List<Violation> violations) {
        return DomainException.invalid(violations.stream()
                .map(v -> new DomainException.FieldProblem(v.field(), v.value(), v.reason())).toList());
    }
}

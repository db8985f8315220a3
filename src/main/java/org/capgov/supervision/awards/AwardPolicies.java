package org.capgov.supervision.awards;

import java.util.List;

/**
 * When an instalment of an exit award falls due (seed 003; reading S9): the first on the exit verified on site
 * (EXIT_VERIFIED), the rest once the exit is announced (ANNOUNCED). A step is reached when the exit case stands at it
 * or beyond.
 */
public final class AwardPolicies {

    public static final List<String> STEPS = List.of("EXIT_VERIFIED", "ANNOUNCED");

    private AwardPolicies() {
    }

    /** Whether an exit case in {@code caseState} has reached {@code step}. */
    public static boolean reached(String caseState, String step) {
        return switch (step) {
            case "EXIT_VERIFIED" -> "EXIT_VERIFIED".equals(caseState) || "ANNOUNCED".equals(caseState);
            case "ANNOUNCED" -> "ANNOUNCED".equals(caseState);
            default -> false;
        };
    }

    /** Workers resettled cannot exceed the workers the exit affected; neither is negative. */
    public static boolean workersConsistent(int affected, int resettled) {
        return affected >= 0 && resettled >= 0 && resettled <= affected;
    }
}

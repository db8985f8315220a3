package org.capgov.supervision.leads;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leads from the public about a place (seed 004 四、（四）"畅通举报渠道"): which dimension's department a matter goes to,
 * which problem list it belongs to once verified, and the steps of its handling: RECEIVED → VERIFYING → CLOSED (with
 * the reason, e.g. nothing found) or REGISTERED (a registry entry, a case and a problem of the register). Readings
 * S7 and S8 of docs/decisions/supervision-readings.md.
 */
public final class LeadPolicies {

    public static final List<String> MATTERS = List.of("SUBSTANDARD_STEEL", "BACKWARD_EQUIPMENT", "ILLEGAL_CAPACITY",
            "POLLUTION", "ENERGY", "QUALITY", "SAFETY", "OTHER");
    public static final List<String> STATES = List.of("RECEIVED", "VERIFYING", "CLOSED", "REGISTERED");

    /** The dimension whose department verifies the matter; OTHER goes to the district government instead. */
    private static final Map<String, String> DIMENSION = Map.of(
            "SUBSTANDARD_STEEL", "TECHNOLOGY", "BACKWARD_EQUIPMENT", "TECHNOLOGY", "ILLEGAL_CAPACITY", "TECHNOLOGY",
            "POLLUTION", "ENVIRONMENT", "ENERGY", "ENERGY", "QUALITY", "QUALITY", "SAFETY", "SAFETY");

    private static final Map<String, String> LIST = Map.of(
            "SUBSTANDARD_STEEL", "SUBSTANDARD_STEEL", "BACKWARD_EQUIPMENT", "BACKWARD_CAPACITY",
            "ILLEGAL_CAPACITY", "ILLEGAL_CAPACITY", "POLLUTION", "ENVIRONMENT", "ENERGY", "ENERGY",
            "QUALITY", "QUALITY", "SAFETY", "SAFETY", "OTHER", "BACKWARD_CAPACITY");

    private static final Map<String, String[]> STEPS = Map.of(
            "VERIFY", new String[] {"RECEIVED"},
            "CLOSE", new String[] {"RECEIVED", "VERIFYING"},
            "REGISTER", new String[] {"VERIFYING"});

    private static final Map<String, String> TARGET = Map.of("VERIFY", "VERIFYING", "CLOSE", "CLOSED",
            "REGISTER", "REGISTERED");

    private LeadPolicies() {
    }

    /** The dimension of the department that verifies {@code matter}; empty for OTHER. */
    public static Optional<String> dimension(String matter) {
        return Optional.ofNullable(DIMENSION.get(matter));
    }

    /** The list of the 八张问题清单 a verified lead of {@code matter} is registered on by default. */
    public static String list(String matter) {
        return LIST.getOrDefault(matter, "BACKWARD_CAPACITY");
    }

    public static Optional<String> next(String state, String action) {
        String[] from = action == null ? null : STEPS.get(action);
        return from != null && List.of(from).contains(state) ? Optional.of(TARGET.get(action)) : Optional.empty();
    }

    public static List<String> allowed(String state) {
        return List.of("VERIFY", "REGISTER", "CLOSE").stream().filter(a -> next(state, a).isPresent()).toList();
    }

    /** Whether a closed lead's state can still change: CLOSED and REGISTERED are final. */
    public static boolean open(String state) {
        return "RECEIVED".equals(state) || "VERIFYING".equals(state);
    }
}

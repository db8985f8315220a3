package org.capgov.supervision.leads;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Kinds of department that take a lead of no one duty (OTHER), the district government first, then a management
     * committee, then the coordinating office of an enclosing region.
     */
    private static final List<String> OWNERS = List.of("DISTRICT_GOVERNMENT", "MANAGEMENT_COMMITTEE",
            "COORDINATION_OFFICE");

    /**
     * A department that may take a lead: its code, kind ({@code GOVERNMENT_DEPARTMENT}, {@code DISTRICT_GOVERNMENT},
     * …), the path of its region and the dimensions of its duties.
     */
    public record Desk(String code, String kind, String regionPath, Set<String> dimensions) {
    }

    private LeadPolicies() {
    }

    /**
     * The department that takes a lead of {@code matter} about a place at {@code path} (reading S7): among the
     * government departments of the matter's duty whose region encloses the place, the nearest (a district's own
     * bureau before the city's); for a matter of no duty, or where no such bureau exists, the nearest district
     * government (before a management committee), else the coordinating office of an enclosing region; where the
     * place's province has none of these (天津 has no coordinating office on the platform), the nearest department
     * that leads backward-capacity exits (TECHNOLOGY), so a lead never leaves its province; {@code fallback} only
     * when no department encloses the place at all.
     */
    public static String route(String matter, String path, List<Desk> desks, String fallback) {
        Comparator<Desk> nearest = Comparator.comparingInt((Desk d) -> -d.regionPath().length())
                .thenComparing(Desk::code);
        Optional<String> duty = dimension(matter);
        Optional<Desk> bureau = duty.flatMap(dim -> desks.stream()
                .filter(d -> "GOVERNMENT_DEPARTMENT".equals(d.kind()) && d.dimensions().contains(dim)
                        && encloses(d.regionPath(), path))
                .min(nearest));
        if (bureau.isPresent()) {
            return bureau.get().code();
        }
        return desks.stream().filter(d -> OWNERS.contains(d.kind()) && encloses(d.regionPath(), path))
                .min(Comparator.comparingInt((Desk d) -> -d.regionPath().length())
                        .thenComparingInt(d -> OWNERS.indexOf(d.kind())).thenComparing(Desk::code))
                .map(Desk::code)
                .or(() -> desks.stream().filter(d -> "GOVERNMENT_DEPARTMENT".equals(d.kind())
                        && d.dimensions().contains("TECHNOLOGY") && encloses(d.regionPath(), path)).min(nearest)
                        .map(Desk::code))
                .orElse(fallback);
    }

    private static boolean encloses(String regionPath, String path) {
        return regionPath != null && path != null && path.startsWith(regionPath);
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

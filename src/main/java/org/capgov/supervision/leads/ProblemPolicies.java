package org.capgov.supervision.leads;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The closed-loop life of a problem of the 八张问题清单 (seed 004 四、（四）"全链条闭环管理"): 发现 (FOUND) → 交办
 * (ASSIGNED, to a responsible department with a deadline) → 整改 (RECTIFYING) → 销号 (CLOSED, with the note that
 * says how it was rectified). A problem is closed only after rectification started; none of the steps goes back.
 */
public final class ProblemPolicies {

    public static final List<String> STATES = List.of("FOUND", "ASSIGNED", "RECTIFYING", "CLOSED");
    public static final List<String> SOURCES = List.of("LEAD", "INSPECTION", "SUPERVISION", "OTHER");

    /** Action → the state it starts from and the state it leads to. */
    private static final Map<String, String[]> STEPS = Map.of(
            "ASSIGN", new String[] {"FOUND", "ASSIGNED"},
            "RECTIFY", new String[] {"ASSIGNED", "RECTIFYING"},
            "CLOSE", new String[] {"RECTIFYING", "CLOSED"});

    private ProblemPolicies() {
    }

    /** The state after {@code action} taken in {@code state}; empty when the action does not apply there. */
    public static Optional<String> next(String state, String action) {
        String[] step = action == null ? null : STEPS.get(action);
        return step != null && step[0].equals(state) ? Optional.of(step[1]) : Optional.empty();
    }

    /** The actions open in {@code state}, in the order of the life. */
    public static List<String> allowed(String state) {
        return List.of("ASSIGN", "RECTIFY", "CLOSE").stream().filter(a -> next(state, a).isPresent()).toList();
    }

    /** 交办 names the department and the deadline; 销号 says how the problem was rectified. */
    public static List<String> required(String action) {
        return switch (action) {
            case "ASSIGN" -> List.of("department", "deadline");
            case "CLOSE" -> List.of("note");
            default -> List.of();
        };
    }
}

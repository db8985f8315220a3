package org.capgov.enforcement;

/**
 * Who may take which action (refusal: 403 with the reason).
 * <ul>
 * <li>The enterprise (role ENTERPRISE, granted exactly this enterprise) may only request an extension and submit its
 * rectification report, on its own cases.</li>
 * <li>Officers (COORDINATOR, DEPARTMENT_OFFICER, DISTRICT_OFFICER) whose scope covers the case's region and dimension
 * take every other action; they may also record the enterprise's two steps, because requests and reports often
 * arrive on paper and are entered afterwards.</li>
 * <li>APPROVE_CLOSURE records the government's decision (报经政府批准); only the COORDINATOR (领导小组办公室) of the
 * region records it, never the department that proposed the closure.</li>
 * <li>ADMIN runs the platform and OBSERVER reads: neither acts on cases.</li>
 * </ul>
 */
final class WhoMayAct {

    private WhoMayAct() {
    }

    static Decision check(CaseActor actor, EnforcementCase c, CaseAction action) {
        boolean officer = actor.officerFor(c.regionPath(), c.dimension());
        return switch (action) {
            case REQUEST_EXTENSION, SUBMIT_RECTIFICATION -> officer || actor.enterprise(c.uscc()) ? Decision.ALLOWED
                    : Decision.refuse("WhoMayAct", "enforcement.refused.notYourCase");
            case APPROVE_CLOSURE -> actor.coordinatorFor(c.regionPath(), c.dimension()) ? Decision.ALLOWED
                    : Decision.refuse("WhoMayAct", "enforcement.refused.coordinatorOnly");
            default -> officer ? Decision.ALLOWED : Decision.refuse("WhoMayAct", "enforcement.refused.officerOnly");
        };
    }

    static Decision mayOpen(CaseActor actor, String regionPath, org.capgov.shared.Dimension dimension) {
        return actor.officerFor(regionPath, dimension) ? Decision.ALLOWED
                : Decision.refuse("WhoMayAct", "enforcement.refused.openOutsideScope");
    }
}

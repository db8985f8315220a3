package org.capgov.web;

import org.capgov.audit.AuditFilter;
import org.capgov.audit.AuditReader;
import org.capgov.capacity.DistrictMap;
import org.capgov.compliance.ComplianceRun;
import org.capgov.compliance.FindingsService;
import org.capgov.enforcement.CaseTally;
import org.capgov.enforcement.DeadlineBoard;
import org.capgov.enforcement.NextStep;
import org.capgov.shared.Dimension;
import org.springframework.security.core.Authentication;
import org.capgov.identity.PeopleService;
import org.capgov.region.RegionService;
import org.capgov.registry.EnterpriseService;
import org.capgov.shared.Actors;
import org.capgov.shared.Vocabulary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: each role's work first — the cases waiting for the viewer's step, cases by state and dimension,
 * overdue and due soon, findings of the latest evaluation by dimension — every figure a link to the filtered list
 * behind it; then the platform's figures (regions, departments, people, audit, registry).
 */
@Controller
class DashboardController {

    private final RegionService regions;
    private final PeopleService people;
    private final AuditReader audit;
    private final Vocabulary labels;
    private final EnterpriseService enterprises;
    private final DeadlineBoard deadlines;
    private final CaseTally cases;
    private final FindingsService findings;
    private final DistrictMap districts;
    private final java.util.List<DashboardCard> cards;

    DashboardController(RegionService regions, PeopleService people, AuditReader audit, Vocabulary labels,
            EnterpriseService enterprises, DeadlineBoard deadlines, CaseTally cases, FindingsService findings,
            DistrictMap districts, java.util.List<DashboardCard> cards) {
        this.districts = districts;
        this.cards = cards;
        this.cases = cases;
        this.findings = findings;
        this.deadlines = deadlines;
        this.labels = labels;
        this.enterprises = enterprises;
        this.regions = regions;
        this.people = people;
        this.audit = audit;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Model model, Authentication user) {
        var counts = regions.countByKind();
        model.addAttribute("regionCounts", counts);
        model.addAttribute("regionKindLabels", counts.keySet().stream().map(k -> labels.of("kind.", k)).toList());
        model.addAttribute("regionTotal", regions.countOpen());
        model.addAttribute("departmentCount", people.countDepartments());
        model.addAttribute("peopleCount", people.countPeople());
        model.addAttribute("auditCount", audit.count(Actors.scope(), AuditFilter.none()));
        model.addAttribute("enterpriseCount", enterprises.count());
        model.addAttribute("equipmentCount", enterprises.countEquipment());
        model.addAttribute("deadlines", deadlines.board());
        cards.forEach(c -> model.addAttribute(c.attribute(), c.content()));
        NextStep.Party party = party(user);
        CaseTally.Tally tally = cases.tally();
        model.addAttribute("cases", tally);
        model.addAttribute("queue", party == null ? java.util.Map.of() : tally.waitingFor(party));
        model.addAttribute("party", party);
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("adverse", new String[] {"NONCOMPLIANT", "ELIMINATED", "ADVISORY", "CONFLICT"});
        model.addAttribute("findings", findings.latestTotals().orElse(null));
        model.addAttribute("compliant", ComplianceRun.STATUSES);
        if (party != NextStep.Party.ENTERPRISE) {
            model.addAttribute("caseMap", districts.counts(cases.openByRegionPath(), "capacity.map.casesTitle",
                    "capacity.map.casesLabel", code -> "/enforcement/cases?open=true&region=" + code));
        }
        return "dashboard";
    }

    /** Whose steps the viewer takes: the enterprise's, the coordinator's (closure approval) or a department's. */
    private static NextStep.Party party(Authentication user) {
        java.util.Set<String> roles = new java.util.HashSet<>();
        user.getAuthorities().forEach(a -> roles.add(a.getAuthority()));
        if (roles.contains("ROLE_ENTERPRISE")) {
            return NextStep.Party.ENTERPRISE;
        }
        if (roles.contains("ROLE_COORDINATOR")) {
            return NextStep.Party.COORDINATOR;
        }
        if (roles.contains("ROLE_DEPARTMENT_OFFICER") || roles.contains("ROLE_DISTRICT_OFFICER")) {
            return NextStep.Party.DEPARTMENT;
        }
        return null;
    }
}

package org.capgov.web;

import org.capgov.audit.AuditFilter;
import org.capgov.audit.AuditReader;
import org.capgov.enforcement.DeadlineBoard;
import org.capgov.identity.PeopleService;
import org.capgov.region.RegionService;
import org.capgov.registry.EnterpriseService;
import org.capgov.shared.Actors;
import org.capgov.shared.Vocabulary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page. It shows only figures the platform really has: regions, departments, people, audit, registry. */
@Controller
class DashboardController {

    private final RegionService regions;
    private final PeopleService people;
    private final AuditReader audit;
    private final Vocabulary labels;
    private final EnterpriseService enterprises;
    private final DeadlineBoard deadlines;

    DashboardController(RegionService regions, PeopleService people, AuditReader audit, Vocabulary labels,
            EnterpriseService enterprises, DeadlineBoard deadlines) {
        this.deadlines = deadlines;
        this.labels = labels;
        this.enterprises = enterprises;
        this.regions = regions;
        this.people = people;
        this.audit = audit;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Model model) {
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
        return "dashboard";
    }
}

package org.capgov.web;

import org.capgov.audit.AuditFilter;
import org.capgov.audit.AuditReader;
import org.capgov.identity.PeopleService;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page. It shows only figures the platform really has so far: regions, departments, people, audit. */
@Controller
class DashboardController {

    private final RegionService regions;
    private final PeopleService people;
    private final AuditReader audit;

    DashboardController(RegionService regions, PeopleService people, AuditReader audit) {
        this.regions = regions;
        this.people = people;
        this.audit = audit;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Model model) {
        model.addAttribute("regionCounts", regions.countByKind());
        model.addAttribute("regionTotal", regions.countOpen());
        model.addAttribute("departmentCount", people.countDepartments());
        model.addAttribute("peopleCount", people.countPeople());
        model.addAttribute("auditCount", audit.count(Actors.scope(), AuditFilter.none()));
        return "dashboard";
    }
}

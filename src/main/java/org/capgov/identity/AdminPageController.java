package org.capgov.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.time.Clock;

/** User and department administration for ADMIN and COORDINATOR; forms show refusals next to the form. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
class AdminPageController {

    private final PeopleService people;
    private final DepartmentService departments;
    private final MessageSource messages;
    private final Clock clock;

    AdminPageController(Clock clock, PeopleService people, DepartmentService departments, MessageSource messages) {
        this.clock = clock;
        this.people = people;
        this.departments = departments;
        this.messages = messages;
    }

    @GetMapping("/admin/people")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String people(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("people", people.visiblePeople(q));
        model.addAttribute("q", q);
        formModel(model);
        return "admin/people";
    }

    @PostMapping("/admin/people")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
            @RequestParam String departmentCode, @RequestParam Role role, @RequestParam String regionCode,
            @RequestParam(required = false) List<Dimension> dimensions,
            @RequestParam(required = false) String enterpriseUscc,
            @RequestParam(defaultValue = "false") boolean systemAccount, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/people", () -> {
            Person p = people.create(new NewPerson(username, displayName, password, departmentCode, role, regionCode,
                    toSet(dimensions), enterpriseUscc, systemAccount), true);
            return "/admin/people/" + p.id();
        });
    }

    @GetMapping("/admin/people/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String person(@PathVariable long id, Model model) {
        Person person = people.get(id);
        model.addAttribute("person", person);
        model.addAttribute("locked", person.lockedAt(clock.instant()));
        formModel(model);
        return "admin/person";
    }

    @PostMapping("/admin/people/{id}/memberships")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String addMembership(@PathVariable long id, @RequestParam String departmentCode, @RequestParam Role role,
            @RequestParam String regionCode, @RequestParam(required = false) List<Dimension> dimensions,
            @RequestParam(required = false) String enterpriseUscc,
            @RequestParam(defaultValue = "false") boolean actingFor, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/people/" + id, () -> {
            people.addMembership(id, departmentCode, role, regionCode, toSet(dimensions), enterpriseUscc, actingFor);
            return "/admin/people/" + id;
        });
    }

    @PostMapping("/admin/people/{id}/memberships/{membershipId}/delete")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String removeMembership(@PathVariable long id, @PathVariable long membershipId, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/people/" + id, () -> {
            people.removeMembership(id, membershipId);
            return "/admin/people/" + id;
        });
    }

    @PostMapping("/admin/people/{id}/enabled")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/people/" + id, () -> {
            people.setEnabled(id, enabled);
            return "/admin/people/" + id;
        });
    }

    @PostMapping("/admin/people/{id}/email")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String setEmail(@PathVariable long id, @RequestParam(required = false) String email, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/people/" + id, () -> {
            people.setEmail(id, email);
            return "/admin/people/" + id;
        });
    }

    @PostMapping("/admin/people/{id}/unlock")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/people/" + id, () -> {
            people.unlock(id);
            return "/admin/people/" + id;
        });
    }

    @PostMapping("/admin/people/{id}/sessions/end")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String endSessions(@PathVariable long id, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/people/" + id, () -> {
            people.endSessions(id);
            return "/admin/people/" + id;
        });
    }

    @PostMapping("/admin/people/{id}/password")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/people/" + id, () -> {
            people.resetPassword(id, password);
            return "/admin/people/" + id;
        });
    }

    @GetMapping("/admin/departments")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String departments(Model model) {
        model.addAttribute("departments", people.visibleDepartments());
        model.addAttribute("kinds", DepartmentService.KINDS.stream().sorted().toList());
        model.addAttribute("dimensionValues", Dimension.values());
        return "admin/departments";
    }

    @PostMapping("/admin/departments")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String createDepartment(@RequestParam String code, @RequestParam String name,
            @RequestParam(required = false) String shortName, @RequestParam(required = false) String nameEn,
            @RequestParam String regionCode, @RequestParam String kind,
            @RequestParam(required = false) List<Dimension> dimensions,
            @RequestParam(required = false) String sourceDocument, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/departments", () -> {
            departments.create(code, name, shortName, nameEn, regionCode, kind, toSet(dimensions), sourceDocument);
            return "/admin/departments";
        });
    }

    @PostMapping("/admin/departments/{id}/active")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String setDepartmentActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/departments", () -> {
            departments.setActive(id, active);
            return "/admin/departments";
        });
    }

    private void formModel(Model model) {
        // only an administrator can grant the administrator role
        model.addAttribute("roles", java.util.Arrays.stream(Role.values())
                .filter(r -> r != Role.ADMIN || org.capgov.shared.Actors.scope().unrestricted()).toList());
        model.addAttribute("dimensionValues", Dimension.values());
        model.addAttribute("departments", people.visibleDepartments().stream().filter(Department::active).toList());
    }

    /** Runs a change; a refusal comes back to the form as a message, and nothing is saved. */
    private String attempt(RedirectAttributes redirect, String backTo, java.util.function.Supplier<String> change) {
        try {
            String target = change.get();
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + target;
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
            return "redirect:" + backTo;
        }
    }

    private static Set<Dimension> toSet(List<Dimension> dimensions) {
        return dimensions == null || dimensions.isEmpty() ? Set.of() : EnumSet.copyOf(dimensions);
    }
}

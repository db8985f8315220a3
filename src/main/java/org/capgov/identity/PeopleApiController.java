package org.capgov.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.capgov.shared.Dimension;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import java.time.Clock;
import java.time.Instant;

/** People, departments and the caller's own identity, over JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "identity", description = "People, departments, scopes 人员、部门与数据范围")
class PeopleApiController {

    record Me(String username, String displayName, Set<Role> roles, List<Membership> memberships,
            boolean unrestricted) {
    }

    record PersonView(long id, String username, String displayName, boolean enabled, boolean locked,
            boolean systemAccount, List<Membership> memberships, String email) {
        static PersonView of(Person p, Instant now) {
            return new PersonView(p.id(), p.username(), p.displayName(), p.enabled(),
                    p.lockedAt(now), p.systemAccount(), p.memberships(), p.email());
        }
    }

    record EmailRequest(String email) {
    }

    record NewPersonRequest(String username, String displayName, String password, String departmentCode, Role role,
            String regionCode, Set<Dimension> dimensions, String enterpriseUscc, Boolean systemAccount) {
    }

    private final PeopleService people;
    private final Clock clock;

    PeopleApiController(Clock clock, PeopleService people) {
        this.clock = clock;
        this.people = people;
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller, their roles and scope 当前用户")
    Me me(@AuthenticationPrincipal CapgovUser user) {
        return new Me(user.username(), user.displayName(), user.roles(), user.memberships(), user.scope().unrestricted());
    }

    @GetMapping("/people")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','OBSERVER','DISTRICT_OFFICER')")
    @Operation(summary = "People in the caller's scope 范围内人员")
    List<PersonView> people(@RequestParam(required = false) String q) {
        return people.visiblePeople(q).stream().map(p -> PersonView.of(p, clock.instant())).toList();
    }

    @GetMapping("/people/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','OBSERVER','DISTRICT_OFFICER')")
    @Operation(summary = "One person with memberships 查询人员")
    PersonView person(@PathVariable long id) {
        return PersonView.of(people.get(id), clock.instant());
    }

    @PostMapping("/people")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Operation(summary = "Create a person with a first membership 新建人员")
    PersonView create(@RequestBody NewPersonRequest r) {
        Person created = people.create(new NewPerson(r.username(), r.displayName(), r.password(), r.departmentCode(),
                r.role(), r.regionCode(), r.dimensions(), r.enterpriseUscc(), Boolean.TRUE.equals(r.systemAccount())), true);
        return PersonView.of(created, clock.instant());
    }

    @PutMapping("/people/{id}/email")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Operation(summary = "Set or clear the e-mail address for notices 设置通知邮箱")
    PersonView setEmail(@PathVariable long id, @RequestBody EmailRequest r) {
        return PersonView.of(people.setEmail(id, r.email()), clock.instant());
    }

    @DeleteMapping("/people/{id}/sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Operation(summary = "End all of a person's sessions and login tokens 强制下线")
    void endSessions(@PathVariable long id) {
        people.endSessions(id);
    }

    @GetMapping("/departments")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Departments in the caller's scope 部门")
    List<Department> departments() {
        return people.visibleDepartments();
    }
}

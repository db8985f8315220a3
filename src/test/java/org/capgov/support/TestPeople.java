package org.capgov.support;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.capgov.identity.NewPerson;
import org.capgov.identity.PeopleService;
import org.capgov.identity.Person;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.shared.Dimension;
import org.springframework.stereotype.Component;

/** Creates test accounts through the real service (idempotently: the context, and its database, are shared). */
@Component
public class TestPeople {

    public static final String PASSWORD = "Test-Password-2026";

    /** One account per role, scoped to 重庆 (500000) except where the role needs otherwise. */
    public static final Map<Role, NewPerson> BY_ROLE = new EnumMap<>(Map.of(
            Role.ADMIN, person("t.admin", "CQ-LDXZB", Role.ADMIN, "500000", Set.of(), null),
            Role.COORDINATOR, person("t.coordinator", "CQ-JXW", Role.COORDINATOR, "500000", Set.of(), null),
            Role.DEPARTMENT_OFFICER, person("t.env", "CQ-STHJJ", Role.DEPARTMENT_OFFICER, "500000",
                    Set.of(Dimension.ENVIRONMENT), null),
            Role.DISTRICT_OFFICER, person("t.district", "FL-QZF", Role.DISTRICT_OFFICER, "500102", Set.of(), null),
            Role.ENTERPRISE, person("t.enterprise", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), "91500102MA5U8A1B06"),
            Role.FINANCIAL_INSTITUTION, person("t.bank", "CQ-RHFH", Role.FINANCIAL_INSTITUTION, "500000", Set.of(), null),
            Role.GRID_COMPANY, person("t.grid", "CQ-DLGS", Role.GRID_COMPANY, "500000", Set.of(), null),
            Role.OBSERVER, person("t.observer", "CQ-LDXZB", Role.OBSERVER, "500000", Set.of(), null)));

    private final PeopleService people;

    public TestPeople(PeopleService people) {
        this.people = people;
    }

    public static NewPerson person(String username, String department, Role role, String region, Set<Dimension> dims,
            String uscc) {
        return new NewPerson(username, username + " 测试", PASSWORD, department, role, region, dims, uscc, false);
    }

    public Person ensure(NewPerson p) {
        return SystemActor.call(() -> people.visiblePeople(p.username()).stream()
                .filter(x -> x.username().equals(p.username())).findFirst()
                .orElseGet(() -> people.create(p, false)));
    }

    public Person ensure(Role role) {
        return ensure(BY_ROLE.get(role));
    }

    public static String username(Role role) {
        return BY_ROLE.get(role).username();
    }
}

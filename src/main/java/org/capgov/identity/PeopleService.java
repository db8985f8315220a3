package org.capgov.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.capgov.shared.PlausibleInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes people and memberships. A coordinator may only grant scopes inside their own and never the
 * ADMIN role; every change is audited with its before and after.
 */
@Service
public class PeopleService {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._-]{3,64}");
    // one @, no spaces, a dot in the domain: enough to catch typing errors; the SMTP server has the last word
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_DISPLAY_NAME = 100;
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");

    private final PersonRepository people;
    private final DepartmentRepository departments;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    PeopleService(PersonRepository people, DepartmentRepository departments, PasswordEncoder encoder, AuditTrail audit,
            JdbcClient jdbc) {
        this.people = people;
        this.departments = departments;
        this.encoder = encoder;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    public List<Person> visiblePeople(String text) {
        return people.findVisible(Actors.scope(), text);
    }

    public Person get(long id) {
        Person person = people.findById(id).orElseThrow(() -> DomainException.notFound("error.person.notFound", id));
        DataScope scope = Actors.scope();
        if (!scope.unrestricted() && person.memberships().stream().noneMatch(m -> scope.coversRegion(m.regionPath()))) {
            throw DomainException.notFound("error.person.notFound", id);
        }
        return person;
    }

    public List<Department> visibleDepartments() {
        return departments.findVisible(Actors.scope());
    }

    /** People in the caller's scope. */
    public long countPeople() {
        return people.countVisible(Actors.scope());
    }

    /** Active departments in the caller's scope. */
    public long countDepartments() {
        return departments.countActiveVisible(Actors.scope());
    }

    /**
     * Creates a person. {@code mustChangePassword} is true for every account created outside demo mode, so that
     * only its holder knows the password.
     */
    @Transactional
    public Person create(NewPerson p, boolean mustChangePassword) {
        if (p.username() == null || !USERNAME.matcher(p.username()).matches()) {
            throw DomainException.invalid("username", "error.person.username");
        }
        if (p.displayName() == null || p.displayName().isBlank()) {
            throw DomainException.invalid("displayName", "error.person.displayName");
        }
        if (p.displayName().length() > MAX_DISPLAY_NAME) {
            throw DomainException.invalid(List.of(new DomainException.FieldProblem("displayName",
                    p.displayName().substring(0, 20) + "…", "姓名过长（最多 " + MAX_DISPLAY_NAME + " 字）")));
        }
        PlausibleInput.nameProblem(p.displayName()).ifPresent(r -> {
            throw DomainException.invalid(List.of(new DomainException.FieldProblem("displayName", p.displayName(),
                    "姓名" + r)));
        });
        PasswordPolicy.check(p.username(), p.password());
        if (people.findByUsername(p.username()).isPresent()) {
            throw DomainException.conflict("error.person.duplicate", p.username());
        }
        long id = people.insert(p.username(), p.displayName().trim(), encoder.encode(p.password()), mustChangePassword,
                p.systemAccount());
        audit.record(AuditEvent.created("person", Long.toString(id), null, Map.of("username", p.username(),
                "displayName", p.displayName().trim(), "systemAccount", p.systemAccount())));
        addMembership(id, p.departmentCode(), p.role(), p.regionCode(), p.dimensions(), p.enterpriseUscc(), false);
        return people.findById(id).orElseThrow();
    }

    @Transactional
    public Membership addMembership(long personId, String departmentCode, Role role, String regionCode,
            Set<Dimension> dimensions, String enterpriseUscc, boolean actingFor) {
        Person person = people.findById(personId).orElseThrow(() -> DomainException.notFound("error.person.notFound", personId));
        if (role == null) {
            throw DomainException.invalid("role", "error.membership.role");
        }
        Department department = departments.findByCode(departmentCode == null ? "" : departmentCode)
                .filter(Department::active)
                .orElseThrow(() -> DomainException.invalid("departmentCode", "error.membership.department", departmentCode));
        String path = jdbc.sql("select path from region where code = :c and closed_on is null")
                .param("c", regionCode == null ? "" : regionCode).query(String.class).optional()
                .orElseThrow(() -> DomainException.invalid("regionCode", "error.membership.region", regionCode));
        DataScope granter = Actors.scope();
        if (!granter.coversRegion(path)) {
            throw DomainException.forbidden("error.membership.outsideScope", regionCode);
        }
        if (role == Role.ADMIN && !granter.unrestricted()) {
            throw DomainException.forbidden("error.membership.adminOnly");
        }
        Set<Dimension> dims = dimensions == null || dimensions.isEmpty() ? defaultDimensions(role, department)
                : EnumSet.copyOf(dimensions);
        if (dims.isEmpty()) {
            throw DomainException.invalid("dimensions", "error.membership.dimensions");
        }
        String uscc = enterpriseUscc == null || enterpriseUscc.isBlank() ? null : enterpriseUscc.trim().toUpperCase();
        if ((role == Role.ENTERPRISE) != (uscc != null)) {
            throw DomainException.invalid("enterpriseUscc", "error.membership.enterprise");
        }
        if (uscc != null && !USCC.matcher(uscc).matches()) {
            throw DomainException.invalid("enterpriseUscc", "error.membership.uscc", uscc);
        }
        boolean duplicate = person.memberships().stream()
                .anyMatch(m -> m.departmentId() == department.id() && m.role() == role);
        if (duplicate) {
            throw DomainException.conflict("error.membership.duplicate");
        }
        long id = people.insertMembership(personId, department.id(), role, regionCode, dims, uscc, actingFor);
        audit.record(AuditEvent.created("membership", Long.toString(id), path, Map.of("person", person.username(),
                "department", department.code(), "role", role.name(), "region", regionCode,
                "dimensions", dims.stream().map(Enum::name).sorted().toList(), "enterpriseUscc", uscc == null ? "" : uscc,
                "actingFor", actingFor)));
        return people.findById(personId).orElseThrow().memberships().stream().filter(m -> m.id() == id).findFirst()
                .orElseThrow();
    }

    @Transactional
    public void removeMembership(long personId, long membershipId) {
        Person person = get(personId);
        Membership m = person.memberships().stream().filter(x -> x.id() == membershipId).findFirst()
                .orElseThrow(() -> DomainException.notFound("error.membership.notFound", membershipId));
        if (!Actors.scope().coversRegion(m.regionPath())) {
            throw DomainException.forbidden("error.membership.outsideScope", m.regionCode());
        }
        people.deleteMembership(personId, membershipId);
        audit.record(AuditEvent.deleted("membership", Long.toString(membershipId), m.regionPath(), m));
    }

    @Transactional
    public void setEnabled(long personId, boolean enabled) {
        Person person = get(personId);
        if (person.username().equals(Actors.username()) && !enabled) {
            throw DomainException.conflict("error.person.disableSelf");
        }
        people.setEnabled(personId, enabled);
        audit.record(AuditEvent.updated("person", Long.toString(personId), homePath(person),
                Map.of("enabled", person.enabled()), Map.of("enabled", enabled)));
    }

    /** Sets or (blank) clears the e-mail address notices are sent to. */
    @Transactional
    public Person setEmail(long personId, String email) {
        Person person = get(personId);
        String address = email == null || email.isBlank() ? null : email.trim();
        if (address != null && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
            throw DomainException.invalid("email", "error.person.email", address);
        }
        people.updateEmail(personId, address);
        audit.record(AuditEvent.updated("person", Long.toString(personId), homePath(person),
                Map.of("email", person.email() == null ? "" : person.email()), Map.of("email", address == null ? "" : address)));
        return people.findById(personId).orElseThrow();
    }

    @Transactional
    public void unlock(long personId) {
        Person person = get(personId);
        people.unlock(personId);
        audit.record(AuditEvent.updated("person", Long.toString(personId), homePath(person),
                Map.of("lockedUntil", String.valueOf(person.lockedUntil())), Map.of("lockedUntil", "")));
    }

    /**
     * An administrator (or a coordinator over the person's region) ends all of a person's open browser sessions and
     * login tokens; they take effect on the next request of each. Long-lived system tokens are revoked one by one.
     */
    @Transactional
    public void endSessions(long personId) {
        Person person = get(personId);
        people.endSessions(personId);
        audit.record(new AuditEvent(AuditAction.SESSIONS_ENDED, "person", Long.toString(personId), homePath(person),
                person.username(), Map.of("securityVersion", person.securityVersion()),
                Map.of("securityVersion", person.securityVersion() + 1)));
    }

    /** An administrator sets a new password; its holder must change it at the next login. */
    @Transactional
    public void resetPassword(long personId, String newPassword) {
        Person person = get(personId);
        PasswordPolicy.check(person.username(), newPassword);
        people.updatePassword(personId, encoder.encode(newPassword), true);
        audit.record(new AuditEvent(AuditAction.PASSWORD_CHANGED, "person", Long.toString(personId), homePath(person),
                "reset by administrator", null, null));
    }

    /** A person changes their own password, proving the current one. */
    @Transactional
    public void changeOwnPassword(long personId, String current, String newPassword) {
        Person person = people.findById(personId).orElseThrow();
        String hash = people.findCredentials(person.username()).orElseThrow().passwordHash();
        if (current == null || !encoder.matches(current, hash)) {
            throw DomainException.invalid("currentPassword", "error.password.currentWrong");
        }
        if (encoder.matches(newPassword == null ? "" : newPassword, hash)) {
            throw DomainException.invalid("password", "error.password.same");
        }
        PasswordPolicy.check(person.username(), newPassword);
        people.updatePassword(personId, encoder.encode(newPassword), false);
        audit.record(new AuditEvent(AuditAction.PASSWORD_CHANGED, "person", Long.toString(personId), homePath(person),
                "changed by holder", null, null));
    }

    private static String homePath(Person p) {
        return p.memberships().isEmpty() ? null : p.memberships().get(0).regionPath();
    }

    private static Set<Dimension> defaultDimensions(Role role, Department department) {
        if (role == Role.DEPARTMENT_OFFICER) {
            return department.dimensions().isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(department.dimensions());
        }
        return EnumSet.allOf(Dimension.class);
    }
}

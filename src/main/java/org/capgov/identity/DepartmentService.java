package org.capgov.identity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and (de)activates departments inside the administrator's scope; departments are never deleted. */
@Service
public class DepartmentService {

    static final Set<String> KINDS = Set.of("COORDINATION_OFFICE", "GOVERNMENT_DEPARTMENT", "DISTRICT_GOVERNMENT",
            "MANAGEMENT_COMMITTEE", "GRID_COMPANY", "FINANCIAL_REGULATOR", "FINANCIAL_INSTITUTION", "OVERSIGHT",
            "ENTERPRISE");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,63}");

    private final DepartmentRepository departments;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    DepartmentService(DepartmentRepository departments, AuditTrail audit, JdbcClient jdbc) {
        this.departments = departments;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Transactional
    public Department create(String code, String name, String shortName, String nameEn, String regionCode, String kind,
            Set<Dimension> dimensions, String sourceDocument) {
        if (code == null || !CODE.matcher(code.trim()).matches()) {
            throw DomainException.invalid("code", "error.department.code");
        }
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("name", "error.department.name");
        }
        checkText("name", name, 200, true);
        checkText("shortName", shortName, 100, true);
        checkText("nameEn", nameEn, 200, true);
        checkText("sourceDocument", sourceDocument, 1000, false);
        if (kind == null || !KINDS.contains(kind)) {
            throw DomainException.invalid("kind", "error.department.kind", kind);
        }
        String path = jdbc.sql("select path from region where code = :c and closed_on is null")
                .param("c", regionCode == null ? "" : regionCode).query(String.class).optional()
                .orElseThrow(() -> DomainException.invalid("regionCode", "error.membership.region", regionCode));
        if (!Actors.scope().coversRegion(path)) {
            throw DomainException.forbidden("error.membership.outsideScope", regionCode);
        }
        if (departments.findByCode(code.trim()).isPresent()) {
            throw DomainException.conflict("error.department.duplicate", code.trim());
        }
        Set<Dimension> dims = dimensions == null || dimensions.isEmpty() ? EnumSet.noneOf(Dimension.class)
                : EnumSet.copyOf(dimensions);
        String shortOrName = shortName == null || shortName.isBlank() ? name.trim() : shortName.trim();
        long id = departments.insert(code.trim(), name.trim(), shortOrName, nameEn == null ? "" : nameEn.trim(), regionCode,
                kind, PersonRepository.toArrayLiteral(dims), sourceDocument == null ? "" : sourceDocument.trim());
        Department created = departments.findById(id).orElseThrow();
        audit.record(AuditEvent.created("department", created.code(), path, created));
        return created;
    }

    @Transactional
    public void setActive(long id, boolean active) {
        Department before = departments.findById(id)
                .orElseThrow(() -> DomainException.notFound("error.department.notFound", id));
        String path = jdbc.sql("select path from region where code = :c").param("c", before.regionCode())
                .query(String.class).single();
        if (!Actors.scope().coversRegion(path)) {
            throw DomainException.forbidden("error.membership.outsideScope", before.regionCode());
        }
        departments.setActive(id, active);
        audit.record(AuditEvent.updated("department", before.code(), path, Map.of("active", before.active()),
                Map.of("active", active)));
    }

    /** A length limit, and for names the plausibility rules, each reported on its field in Chinese. */
    private static void checkText(String field, String value, int max, boolean isName) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.length() > max) {
            throw DomainException.invalid(java.util.List.of(new DomainException.FieldProblem(field,
                    value.substring(0, 20) + "…", "过长（最多 " + max + " 字）")));
        }
        if (isName) {
            org.capgov.shared.PlausibleInput.nameProblem(value).ifPresent(r -> {
                throw DomainException.invalid(java.util.List.of(new DomainException.FieldProblem(field, value, r)));
            });
        }
    }
}

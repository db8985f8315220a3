package org.capgov.monitoring;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.capgov.identity.Role;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a caller may record or re-mark, beyond the data scope (which already keeps an enterprise to itself). Officials
 * record anything. The grid company reports electricity use only. An enterprise reports its own figures — self
 * reports and its online monitoring — and cannot file values in the name of an inspection, an audit or a sampling,
 * nor overturn them by marking them invalid. A person with several roles gets the union.
 */
final class RecordingPolicy {

    private static final Set<String> OFFICIALS = Set.of(Role.ADMIN.authority(), Role.COORDINATOR.authority(),
            Role.DEPARTMENT_OFFICER.authority(), Role.DISTRICT_OFFICER.authority());
    private static final Set<MeasurementSource> ENTERPRISE_SOURCES = Set.of(MeasurementSource.SELF_REPORT,
            MeasurementSource.ONLINE_MONITORING);

    private RecordingPolicy() {
    }

    /**
     * Null when the caller may record (or re-mark) a value of {@code metric} from {@code source}; else the field at
     * fault (metric or source) with the Chinese reason.
     */
    static FieldProblem refusal(String metric, String source) {
        Set<String> roles = roles();
        if (roles.stream().anyMatch(OFFICIALS::contains)) {
            return null;
        }
        String m = metric == null ? "" : metric.strip().toLowerCase(Locale.ROOT);
        boolean grid = roles.contains(Role.GRID_COMPANY.authority());
        boolean enterprise = roles.contains(Role.ENTERPRISE.authority());
        if (grid && m.equals(Metric.ELECTRICITY_USE.code())) {
            return null;
        }
        MeasurementSource s = MeasurementSource.parse(source).orElse(null);
        if (enterprise && (s == null || ENTERPRISE_SOURCES.contains(s))) {
            // an unknown source is refused by validation with its own reason
            return null;
        }
        if (enterprise) {
            return new FieldProblem("source", source, "企业只能报送企业自报（SELF_REPORT）或在线监测（ONLINE_MONITORING）数据，"
                    + "不能报送或标记来源为 " + s.name() + "（" + s.nameZh() + "）的数据");
        }
        if (grid) {
            return new FieldProblem("metric", metric, "电网企业只能报送和标记用电量（electricity_use），不能报送指标 "
                    + (m.isEmpty() ? "（空）" : m));
        }
        return new FieldProblem("metric", metric, "无权报送测量值");
    }

    static void check(String metric, String source) {
        FieldProblem refusal = refusal(metric, source);
        if (refusal != null) {
            throw DomainException.forbidden("error.measurement.notAllowed", refusal.reason());
        }
    }

    /**
     * Re-marking a value (valid, suspect, invalid) is for the owner of its source. Officials own inspections, audits,
     * samplings and safety checks and oversee every other value; an enterprise owns its self reports and online
     * monitoring when it recorded them itself ({@link #check}); a grid company owns only the values its own
     * department recorded, so it cannot overturn an officer's electricity inspection although it may report
     * electricity use, and an enterprise cannot overturn the grid company's report of its electricity use.
     */
    static void checkRemark(String metric, String source, java.util.function.BooleanSupplier recordedByOwnDepartment) {
        check(metric, source);
        Set<String> roles = roles();
        if (roles.stream().anyMatch(OFFICIALS::contains)) {
            return;
        }
        if (!recordedByOwnDepartment.getAsBoolean()) {
            throw DomainException.forbidden("error.measurement.notAllowed",
                    "只有数据来源的所属单位才能标记其有效性：该值不是本单位报送的");
        }
    }

    private static Set<String> roles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? Set.of()
                : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}

package org.capgov.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who is reached by a message addressed to departments and to role holders over a region: used by notification to
 * turn an audience into people. Only enabled people who are not system accounts (another system's token user has
 * no one reading an inbox) are returned. Reads no caller scope: the audience is decided by the publisher.
 */
@Service
public class PeopleDirectory {

    /** A person to notify, with their e-mail address or null. */
    public record Recipient(long personId, String email) {
    }

    private final JdbcClient jdbc;

    PeopleDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Members of the named (active) departments, plus people holding one of {@code roles} in a membership whose
     * region subtree covers {@code regionPath}. A null {@code regionPath} concerns no particular region: then only
     * memberships on a top-level region (the municipality) cover it. Ordered by person id, each person once.
     *
     * <p>An enterprise's account is reached only by a message addressed to that very enterprise (its USCC among
     * {@code enterpriseUsccs}): never through the department it is registered under (an enterprise account belongs
     * to a district government's department only as its home, not as its staff), never through its region or role.
     */
    public List<Recipient> audience(Collection<String> departmentCodes, Collection<String> roles, String regionPath) {
        return audience(departmentCodes, roles, regionPath, List.of());
    }

    /** As above, and the enterprise accounts of the given USCCs (never other enterprises of the region). */
    public List<Recipient> audience(Collection<String> departmentCodes, Collection<String> roles, String regionPath,
            Collection<String> enterpriseUsccs) {
        return audience(departmentCodes, roles, regionPath, enterpriseUsccs, List.of());
    }

    /** As above, and the people with the given usernames, addressed by name whatever their memberships. */
    public List<Recipient> audience(Collection<String> departmentCodes, Collection<String> roles, String regionPath,
            Collection<String> enterpriseUsccs, Collection<String> usernames) {
        List<String> named = usernames == null ? List.of() : List.copyOf(usernames);
        List<String> codes = departmentCodes == null ? List.of() : List.copyOf(departmentCodes);
        List<String> roleNames = roles == null ? List.of() : roles.stream().map(this::knownRole).toList();
        List<String> usccs = enterpriseUsccs == null ? List.of() : List.copyOf(enterpriseUsccs);
        if (codes.isEmpty() && roleNames.isEmpty() && usccs.isEmpty() && named.isEmpty()) {
            return List.of();
        }
        // only fixed fragments are joined; every value is a bound parameter
        List<String> reached = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!codes.isEmpty()) {
            reached.add("(d.active and d.code in (:codes) and m.role <> 'ENTERPRISE')");
            params.put("codes", codes);
        }
        if (!roleNames.isEmpty()) {
            reached.add("(m.role in (:roles) and m.role <> 'ENTERPRISE' and (case when cast(:path as text) is null "
                    + "then r.parent_code is null else starts_with(cast(:path as text), r.path) end))");
            params.put("roles", roleNames);
            params.put("path", regionPath);
        }
        if (!usccs.isEmpty()) {
            reached.add("(m.role = 'ENTERPRISE' and m.enterprise_uscc in (:usccs))");
            params.put("usccs", usccs);
        }
        if (reached.isEmpty()) {
            reached.add("false");
        }
        params.put("named", named.isEmpty() ? List.of("") : named);
        return jdbc.sql("""
                select p.id, p.email from person p
                where p.enabled and not p.system_account and (p.username in (:named) or exists (
                    select 1 from membership m join department d on d.id = m.department_id
                                              join region r on r.code = m.region_code
                    where m.person_id = p.id and (%s)))
                order by p.id
                """.formatted(String.join(" or ", reached)))
                .params(params).query((rs, n) -> new Recipient(rs.getLong("id"), rs.getString("email"))).list();
    }

    private String knownRole(String role) {
        return Role.valueOf(role).name();
    }
}

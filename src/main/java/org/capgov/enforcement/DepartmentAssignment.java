package org.capgov.enforcement;

import java.util.List;
import java.util.Optional;
import org.capgov.shared.Dimension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves the responsible department from enforcement_assignment (seeds 001 and 004): among the rows of the
 * dimension whose region covers the enterprise and whose industry is null or one of the enterprise's, the deepest
 * region wins, then a row naming an industry before a row for any industry; the lead department of that group takes
 * the case, the others of the group assist.
 */
@Component
class DepartmentAssignment {

    /** One department of the winning group. */
    record Assigned(String departmentCode, String departmentName, boolean lead, String source) {
    }

    private final JdbcClient jdbc;

    DepartmentAssignment(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> lead(Dimension dimension, String regionPath, List<String> industries) {
        return departments(dimension, regionPath, industries).stream().filter(Assigned::lead)
                .map(Assigned::departmentCode).findFirst();
    }

    List<Assigned> departments(Dimension dimension, String regionPath, List<String> industries) {
        return jdbc.sql("""
                with candidates as (
                  select a.*, length(r.path) as depth, (a.industry is not null) as specific
                    from enforcement_assignment a join region r on r.code = a.region_code
                   where a.dimension = :dimension and :path like r.path || '%'
                     and (a.industry is null or a.industry = any (cast(:industries as varchar[]))))
                select c.department_code, d.name, c.lead, c.source
                  from candidates c join department d on d.code = c.department_code
                 where (c.depth, c.specific) = (select depth, specific from candidates order by depth desc, specific desc
                                                 limit 1)
                 order by c.lead desc, c.industry nulls last, c.department_code""")
                .param("dimension", dimension.name()).param("path", regionPath)
                .param("industries", "{" + String.join(",", industries) + "}")
                .query((rs, n) -> new Assigned(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
                .list();
    }
}

package org.capgov.enforcement;

import java.util.List;
import org.capgov.shared.Dimension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which regions have no department to take a case of a dimension: no lead row of enforcement_assignment for any
 * industry covers them. A case there would be refused at opening ({@code enforcement.refused.noDepartment}), so the
 * gap is said at start-up, once per uncovered subtree (the highest uncovered region, not each of its districts).
 */
@Component
class AssignmentCoverage {

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentCoverage.class);

    /** A region (with its whole subtree) where no department leads cases of the dimension. */
    record Gap(String regionCode, String regionName, Dimension dimension) {
    }

    private final JdbcClient jdbc;

    AssignmentCoverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The uncovered regions whose parent is covered (or that have none), by region code and dimension. */
    List<Gap> gaps() {
        return jdbc.sql("""
                with uncovered as (
                  select r.code, r.name, r.parent_code, d.dimension
                    from region r cross join unnest(cast(:dimensions as varchar[])) as d (dimension)
                   where r.closed_on is null
                     and not exists (select 1 from enforcement_assignment a join region ar on ar.code = a.region_code
                                      where a.dimension = d.dimension and a.lead and a.industry is null
                                        and r.path like ar.path || '%'))
                select u.code, u.name, u.dimension from uncovered u
                 where not exists (select 1 from uncovered p where p.code = u.parent_code and p.dimension = u.dimension)
                 order by u.code, array_position(cast(:dimensions as varchar[]), u.dimension)""")
                .param("dimensions", "{" + String.join(",", java.util.Arrays.stream(Dimension.values())
                        .map(Enum::name).toList()) + "}")
                .query((rs, n) -> new Gap(rs.getString(1), rs.getString(2), Dimension.valueOf(rs.getString(3))))
                .list();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAtStartUp() {
        List<Gap> gaps = gaps();
        if (!gaps.isEmpty()) {
            LOG.warn("No department is assigned to take enforcement cases in these regions (and their subtrees); a case "
                    + "there is refused until enforcement_assignment has a lead row: {}", describe(gaps));
        }
    }

    static String describe(List<Gap> gaps) {
        return String.join("; ", gaps.stream()
                .map(g -> g.regionName() + " (" + g.regionCode() + ") " + g.dimension().name()).toList());
    }
}

package org.capgov.enforcement;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.compliance.FindingsRow;
import org.capgov.shared.Actors;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open case that already covers a finding, for the findings tables ({@code ${@findingCases.of(rows)}}): a case
 * can be opened only once per enterprise, dimension and equipment item ({@link CaseRepository#openCaseId}), so a
 * finding with such a case offers a link to it instead of 立案.
 */
@Component("findingCases")
public class FindingCases {

    private final JdbcClient jdbc;

    FindingCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Case ids by {@link #key(FindingsRow)} for the rows that have an open case in the viewer's scope. */
    @Transactional(readOnly = true)
    public Map<String, String> of(Collection<FindingsRow> rows) {
        List<String> usccs = rows.stream().map(FindingsRow::uscc).distinct().toList();
        Map<String, String> out = new HashMap<>();
        if (usccs.isEmpty()) {
            return out;
        }
        SqlPredicate inScope = Actors.scope().predicate("c.region_path", "c.dimension", "c.uscc");
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("usccs", usccs);
        jdbc.sql("""
                select c.uscc, c.dimension, coalesce(q.code, 'enterprise'), c.id
                  from enforcement_case c left join equipment q on q.id = c.equipment_id
                 where c.closed_on is null and c.uscc in (:usccs) and""" + " " + inScope.sql())
                .params(params)
                .query(rs -> {
                    out.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getString(4));
                });
        return out;
    }

    public String key(FindingsRow row) {
        return row.uscc() + "|" + row.dimension() + "|" + row.subject();
    }
}

package org.capgov.enforcement.lists;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.Dimension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.capgov.enforcement.CaseState;
import org.capgov.enforcement.CaseKind;
import org.capgov.enforcement.CaseAction;

/**
 * The cases of one enterprise for its public page, open and closed. Like {@link PublicLists} this reads without a
 * caller scope: the page is anonymous, and the rectification and exit of backward capacity are public by law (seed 001
 * 四(三) 公开整改、退出情况), so there is no caller whose scope could apply. What keeps it public is the columns: only
 * those of {@link PublicCase} are selected — never a note, an actor, the creator, the finding or the enterprise's people.
 */
@Service
@Transactional(readOnly = true)
public class PublicCases {

    private final JdbcClient jdbc;

    PublicCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The enterprise's cases, newest first (by the notice's effective date); empty for an unknown id. */
    public List<PublicCase> of(long enterpriseId) {
        Map<String, List<PublicCase.Document>> documents = documents(enterpriseId);
        return jdbc.sql("""
                select c.id, c.kind, c.dimension, c.state, c.opened_on, c.deadline, c.closed_on, d.name
                  from enforcement_case c join department d on d.code = c.department_code
                 where c.enterprise_id = :enterprise
                 order by c.opened_on desc, c.id desc""")
                .param("enterprise", enterpriseId)
                .query((rs, n) -> new PublicCase(rs.getString(1), CaseKind.valueOf(rs.getString(2)),
                        Dimension.valueOf(rs.getString(3)), CaseState.valueOf(rs.getString(4)), date(rs, 5), date(rs, 6),
                        date(rs, 7), rs.getString(8), documents.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    /**
     * The published documents: the notice or order that opened a case (the event without action), the closure decision
     * and the exit announcement, when they carry a 文号. Other events' documents (reports, requests) are the
     * enterprise's or internal papers and stay off the public page.
     */
    private Map<String, List<PublicCase.Document>> documents(long enterpriseId) {
        Map<String, List<PublicCase.Document>> byCase = new HashMap<>();
        jdbc.sql("""
                select e.case_id, e.action, e.effective_date, e.document
                  from case_event e join enforcement_case c on c.id = e.case_id
                 where c.enterprise_id = :enterprise and e.document is not null and e.document <> ''
                   and (e.action is null or e.action in ('APPROVE_CLOSURE', 'ANNOUNCE'))
                 order by e.effective_date, e.id""")
                .param("enterprise", enterpriseId)
                .query((rs, n) -> byCase.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new PublicCase.Document(kind(rs.getString(2)), date(rs, 3), rs.getString(4))))
                .list();
        return byCase;
    }

    private static PublicCase.Kind kind(String action) {
        if (action == null) {
            return PublicCase.Kind.NOTICE;
        }
        return CaseAction.valueOf(action) == CaseAction.APPROVE_CLOSURE ? PublicCase.Kind.CLOSURE
                : PublicCase.Kind.ANNOUNCEMENT;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}

package org.capgov.enforcement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.time.Clock;
import org.capgov.shared.ChinaTime;

/**
 * The "due soon" read model of the dashboard: open cases within the viewer's scope whose deadline falls in the next
 * {@value #HORIZON_DAYS} days (today included), and those already overdue, per responsible department, with the most
 * pressing cases. Read straight from the partial index of open cases by deadline.
 */
@Service
public class DeadlineBoard {

    public static final int HORIZON_DAYS = 30;
    private static final int NEAREST = 10;

    /** Counts of one department. */
    public record DepartmentDeadlines(String department, String departmentName, long dueSoon, long overdue) {
    }

    /** The board as of {@code today}: due soon = deadline in [today, horizon], overdue = deadline before today. */
    public record Board(LocalDate today, LocalDate horizon, long dueSoon, long overdue,
            List<DepartmentDeadlines> departments, List<EnforcementCase> nearest) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DeadlineBoard(Clock clock, JdbcClient jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Board board() {
        return board(Actors.scope(), ChinaTime.today(clock));
    }

    @Transactional(readOnly = true)
    public Board board(DataScope scope, LocalDate today) {
        LocalDate horizon = today.plusDays(HORIZON_DAYS);
        SqlPredicate inScope = scope.predicate("c.region_path", "c.dimension", "c.uscc");
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("today", today);
        params.put("horizon", horizon);
        String where = " c.closed_on is null and c.deadline <= :horizon and " + inScope.sql();
        List<DepartmentDeadlines> departments = jdbc.sql("""
                select c.department_code, d.name,
                       count(*) filter (where c.deadline >= :today), count(*) filter (where c.deadline < :today)
                  from enforcement_case c join department d on d.code = c.department_code
                 where""" + where + " group by 1, 2 order by 4 desc, 3 desc, 1")
                .params(params)
                .query((rs, n) -> new DepartmentDeadlines(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
        params.put("limit", NEAREST);
        List<EnforcementCase> nearest = jdbc.sql(CaseRepository.SELECT + " where" + where
                + " order by c.deadline, c.id limit :limit")
                .params(params).query((rs, n) -> CaseRepository.map(rs, today)).list();
        return new Board(today, horizon, departments.stream().mapToLong(DepartmentDeadlines::dueSoon).sum(),
                departments.stream().mapToLong(DepartmentDeadlines::overdue).sum(), departments, nearest);
    }
}

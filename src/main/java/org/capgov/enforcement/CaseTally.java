package org.capgov.enforcement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DataScope;
import org.capgov.shared.Dimension;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case counts for the home pages, within the viewer's scope: by state, open ones by dimension, overdue, and the
 * states that wait for a given party ({@link NextStep}). Each count is one filter of the case list, so the page links
 * every figure to the list behind it.
 */
@Service
public class CaseTally {

    /** Counts within one scope as of {@code today}. */
    public record Tally(Map<CaseState, Long> byState, Map<Dimension, Long> openByDimension, long open, long overdue) {

        /** Open cases whose next step is the given party's, by state (the party's queue). */
        public Map<CaseState, Long> waitingFor(NextStep.Party party) {
            Map<CaseState, Long> out = new EnumMap<>(CaseState.class);
            byState.forEach((s, n) -> {
                if (n > 0 && NextStep.of(s, null).party() == party) {
                    out.put(s, n);
                }
            });
            return out;
        }

        /** States with at least one case, in the order of the flow. */
        public List<Map.Entry<CaseState, Long>> states() {
            return List.copyOf(byState.entrySet());
        }

        /** Open cases of one dimension (0 when none). */
        public long openIn(Dimension dimension) {
            return openByDimension.getOrDefault(dimension, 0L);
        }

        public long total() {
            return byState.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseTally(Clock clock, JdbcClient jdbc) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Tally tally() {
        return tally(Actors.scope(), ChinaTime.today(clock));
    }

    /** Open cases per region path of the enterprise, within the viewer's scope (the dashboard's district map). */
    @Transactional(readOnly = true)
    public Map<String, Long> openByRegionPath() {
        SqlPredicate inScope = Actors.scope().predicate("c.region_path", "c.dimension", "c.uscc");
        Map<String, Long> out = new HashMap<>();
        List<String> closed = java.util.Arrays.stream(CaseState.values()).filter(CaseState::closed).map(Enum::name).toList();
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("closed", closed);
        jdbc.sql("select c.region_path, count(*) from enforcement_case c where c.state not in (:closed) and "
                + inScope.sql() + " group by 1").params(params)
                .query((java.sql.ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    @Transactional(readOnly = true)
    public Tally tally(DataScope scope, LocalDate today) {
        SqlPredicate inScope = scope.predicate("c.region_path", "c.dimension", "c.uscc");
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("today", today);
        Map<CaseState, Long> byState = new EnumMap<>(CaseState.class);
        Map<Dimension, Long> openByDimension = new EnumMap<>(Dimension.class);
        long[] overdue = {0};
        List<Object[]> rows = jdbc.sql("""
                select c.state, c.dimension, count(*),
                       count(*) filter (where c.closed_on is null and c.deadline < :today)
                  from enforcement_case c where""" + " " + inScope.sql() + " group by 1, 2")
                .params(params)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)})
                .list();
        long open = 0;
        for (Object[] r : rows) {
            CaseState state = CaseState.valueOf((String) r[0]);
            long count = (Long) r[2];
            byState.merge(state, count, Long::sum);
            if (!state.closed()) {
                openByDimension.merge(Dimension.valueOf((String) r[1]), count, Long::sum);
                open += count;
            }
            overdue[0] += (Long) r[3];
        }
        return new Tally(byState, openByDimension, open, overdue[0]);
    }
}

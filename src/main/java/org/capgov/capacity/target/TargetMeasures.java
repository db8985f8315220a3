package org.capgov.capacity.target;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.capgov.capacity.utilisation.CapacityFigures;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts of enterprises for targets and the figures departments report; aggregate figures over a region subtree,
 * no enterprise's own.
 */
@Repository
class TargetMeasures {

    /** A reported figure of a target for a year. */
    record Figure(long id, String targetId, int year, BigDecimal value, String document, String note, String enteredBy) {
    }

    // an enterprise's status on :day: the history row covering it, or its first recorded status when the day lies
    // before the enterprise was registered (it existed, it was entered later)
    private static final String STATUS_ON_DAY = """
            coalesce((select s.status from enterprise_status_history s where s.enterprise_id = e.id
                        and s.effective_from <= :day and (s.effective_to is null or s.effective_to > :day)
                      order by s.effective_from desc limit 1),
                     (select s.status from enterprise_status_history s where s.enterprise_id = e.id
                      order by s.effective_from limit 1), e.status)
            """;

    // 钢铁冶炼企业 (特殊钢、铸造业除外): has smelting equipment that is neither special steel nor foundry
    private static final String STEEL_SMELTING = """
            exists (select 1 from equipment q where q.enterprise_id = e.id
                    and q.type in ('BLAST_FURNACE', 'CONVERTER', 'EAF', 'INDUCTION_FURNACE')
                    and not (q.type = 'EAF' and q.parameters ->> 'grade' in ('SPECIAL', 'HIGH_ALLOY'))
                    and not (q.type = 'BLAST_FURNACE' and q.parameters ->> 'purpose' in ('FOUNDRY_IRON', 'CAST_IRON_PIPE'))
                    and not (q.type = 'INDUCTION_FURNACE' and q.parameters ->> 'purpose' = 'CASTING'))
            """;

    private final JdbcClient jdbc;

    TargetMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Enterprises of {@code industry} under {@code path} that were not closed, exited or deregistered on {@code day}. */
    long operatingEnterprises(String industry, String path, LocalDate day, boolean steelSmeltingOnly) {
        return jdbc.sql("select count(*) from enterprise e where cast(:industry as varchar) = any(e.industries) "
                + "and e.region_path like :path and " + STATUS_ON_DAY + " not in ('CLOSED', 'EXITED', 'DEREGISTERED')"
                + (steelSmeltingOnly ? " and " + STEEL_SMELTING : ""))
                .param("industry", industry).param("path", path + "%").param("day", Date.valueOf(day))
                .query(Long.class).single();
    }

    /** Enterprises of {@code industry} under {@code path} whose exit (EXITED / DEREGISTERED) took effect in the window. */
    long exitedEnterprises(String industry, String path, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(distinct e.id) from enterprise e join enterprise_status_history s on s.enterprise_id = e.id
                where cast(:industry as varchar) = any(e.industries) and e.region_path like :path
                  and s.status in ('EXITED', 'DEREGISTERED') and s.effective_from between :from and :to
                """).param("industry", industry).param("path", path + "%").param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to)).query(Long.class).single();
    }

    /** The enterprises behind {@link #operatingEnterprises}, in the caller's scope. */
    List<CapacityFigures.Behind> operatingEnterpriseList(String industry, String path, LocalDate day,
            boolean steelSmeltingOnly, DataScope scope, int limit) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        return jdbc.sql("select e.uscc, e.name, (select g.name from region g where g.code = e.region_code) from enterprise e where cast(:industry as varchar) = "
                + "any(e.industries) and e.region_path like :path and " + STATUS_ON_DAY
                + " not in ('CLOSED', 'EXITED', 'DEREGISTERED')" + (steelSmeltingOnly ? " and " + STEEL_SMELTING : "")
                + " and " + inScope.sql() + " order by e.uscc limit :limit").params(inScope.params())
                .param("industry", industry).param("path", path + "%").param("day", Date.valueOf(day))
                .param("limit", limit).query(TargetMeasures::enterprise).list();
    }

    /** The enterprises behind {@link #exitedEnterprises}, in the caller's scope. */
    List<CapacityFigures.Behind> exitedEnterpriseList(String industry, String path, LocalDate from, LocalDate to,
            DataScope scope, int limit) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        return jdbc.sql("""
                select distinct e.uscc, e.name, (select g.name from region g where g.code = e.region_code) from enterprise e
                join enterprise_status_history s on s.enterprise_id = e.id
                where cast(:industry as varchar) = any(e.industries) and e.region_path like :path
                  and s.status in ('EXITED', 'DEREGISTERED') and s.effective_from between :from and :to and
                """ + inScope.sql() + " order by e.uscc limit :limit").params(inScope.params())
                .param("industry", industry).param("path", path + "%").param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to)).param("limit", limit).query(TargetMeasures::enterprise).list();
    }

    private static CapacityFigures.Behind enterprise(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new CapacityFigures.Behind(rs.getString(1), rs.getString(2), rs.getString(3), null, null, null, null);
    }

    Optional<Figure> latestFigure(String targetId, int upToYear) {
        return jdbc.sql("select * from target_figure where target_id = :t and year <= :y order by year desc, id desc limit 1")
                .param("t", targetId).param("y", upToYear).query(TargetMeasures::figure).optional();
    }

    Optional<Figure> figureOfYear(String targetId, int year) {
        return jdbc.sql("select * from target_figure where target_id = :t and year = :y order by id desc limit 1")
                .param("t", targetId).param("y", year).query(TargetMeasures::figure).optional();
    }

    List<Figure> figures(String targetId) {
        return jdbc.sql("select * from target_figure where target_id = :t order by year, id").param("t", targetId)
                .query(TargetMeasures::figure).list();
    }

    long insertFigure(String targetId, int year, BigDecimal value, String document, String note, String by) {
        return jdbc.sql("insert into target_figure (target_id, year, value, document, note, entered_by) "
                + "values (:t, :y, :v, :d, :n, :by) returning id").param("t", targetId).param("y", year).param("v", value)
                .param("d", document).param("n", note).param("by", by).query(Long.class).single();
    }

    private static Figure figure(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Figure(rs.getLong("id"), rs.getString("target_id"), rs.getInt("year"), rs.getBigDecimal("value"),
                rs.getString("document"), rs.getString("note"), rs.getString("entered_by"));
    }
}

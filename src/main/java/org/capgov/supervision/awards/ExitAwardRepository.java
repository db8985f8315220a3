package org.capgov.supervision.awards;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of exit awards and their instalments. Reads the projects' replacement plans and ledger issuances (without
 * writing them) to tell whether an item's capacity was used as a replacement indicator.
 */
@Repository
class ExitAwardRepository {

    private static final String SELECT = """
            select a.*, r.name as region_name from supervision_exit_award a join region r on r.code = a.region_code
            """;

    private final JdbcClient jdbc;

    ExitAwardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the item's capacity went as a replacement indicator: a live plan's code or a ledger issuance; empty if not. */
    Optional<String> replacementUse(long equipmentId) {
        return jdbc.sql("""
                select '置换方案 ' || p.code from replacement_plan_equipment e join replacement_plan p on p.id = e.plan_id
                 where e.equipment_id = :e and not e.released
                union all
                select '置换指标（已核发为指标）' from ledger_issuance where equipment_id = :e
                limit 1""").param("e", equipmentId).query(String.class).optional();
    }

    boolean subsidised(long equipmentId) {
        return jdbc.sql("select count(*) from supervision_exit_award where equipment_id = :e").param("e", equipmentId)
                .query(Long.class).single() > 0;
    }

    boolean exists(String caseId) {
        return jdbc.sql("select count(*) from supervision_exit_award where case_id = :c").param("c", caseId)
                .query(Long.class).single() > 0;
    }

    Optional<String> pathOf(String code) {
        return jdbc.sql("select path from region where code = :c").param("c", code).query(String.class).optional();
    }

    Optional<String[]> regionOf(String path) {
        return jdbc.sql("select code, name from region where path = :p").param("p", path)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    long insert(String caseId, String uscc, String name, String regionCode, String regionPath, long equipmentId,
            String equipmentCode, BigDecimal capacity, String unit, BigDecimal amount, String document, int affected,
            int resettled, BigDecimal resettlement, String by, Instant at) {
        return jdbc.sql("""
                insert into supervision_exit_award (case_id, uscc, enterprise_name, region_code, region_path, equipment_id,
                    equipment_code, capacity, unit, amount_yuan, document, workers_affected, workers_resettled,
                    resettlement_yuan, granted_by, granted_at)
                values (:c, :u, :n, :rc, :rp, :e, :ec, :cap, :unit, :amount, :doc, :wa, :wr, :ry, :by, :at)
                returning id""").param("c", caseId).param("u", uscc).param("n", name).param("rc", regionCode)
                .param("rp", regionPath).param("e", equipmentId).param("ec", equipmentCode).param("cap", capacity)
                .param("unit", unit).param("amount", amount).param("doc", document).param("wa", affected)
                .param("wr", resettled).param("ry", resettlement).param("by", by).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    void addInstalment(long awardId, String step, BigDecimal amount) {
        jdbc.sql("insert into supervision_award_instalment (award_id, step, amount_yuan) values (:a, :s, :m)")
                .param("a", awardId).param("s", step).param("m", amount).update();
    }

    boolean pay(long instalmentId, LocalDate on, String document, String by) {
        return jdbc.sql("""
                update supervision_award_instalment set paid_on = :on, paid_document = :doc, paid_by = :by
                 where id = :id and paid_on is null""").param("on", on).param("doc", document).param("by", by)
                .param("id", instalmentId).update() == 1;
    }

    Optional<ExitAward> find(long id, SqlPredicate scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", id);
        return jdbc.sql(SELECT + " where a.id = :id and " + scope.sql()).params(params).query((rs, n) -> map(rs))
                .optional().map(this::withInstalments);
    }

    /** Awards of the region subtree {@code path} in the caller's scope, by region and enterprise. */
    List<ExitAward> list(SqlPredicate scope, String path) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("path", path + "%");
        List<ExitAward> awards = jdbc.sql(SELECT + " where a.region_path like :path and " + scope.sql()
                + " order by a.region_path, a.enterprise_name, a.id limit 5000").params(params)
                .query((rs, n) -> map(rs)).list();
        List<ExitAward> out = new ArrayList<>();
        awards.forEach(a -> out.add(withInstalments(a)));
        return out;
    }

    private ExitAward withInstalments(ExitAward a) {
        List<ExitAward.Instalment> instalments = jdbc.sql(
                "select * from supervision_award_instalment where award_id = :a order by case step when 'EXIT_VERIFIED'"
                        + " then 0 else 1 end").param("a", a.id())
                .query((rs, n) -> new ExitAward.Instalment(rs.getLong("id"), rs.getString("step"),
                        rs.getBigDecimal("amount_yuan"), rs.getObject("paid_on", LocalDate.class),
                        rs.getString("paid_document"), rs.getString("paid_by"))).list();
        return new ExitAward(a.id(), a.caseId(), a.uscc(), a.enterpriseName(), a.regionCode(), a.regionName(),
                a.regionPath(), a.equipmentId(), a.equipmentCode(), a.capacity(), a.unit(), a.amountYuan(),
                a.document(), a.workersAffected(), a.workersResettled(), a.resettlementYuan(), a.grantedBy(),
                a.grantedAt(), instalments);
    }

    private static ExitAward map(ResultSet rs) throws SQLException {
        return new ExitAward(rs.getLong("id"), rs.getString("case_id"), rs.getString("uscc"),
                rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("region_name"),
                rs.getString("region_path"), rs.getLong("equipment_id"), rs.getString("equipment_code"),
                rs.getBigDecimal("capacity"), rs.getString("unit"), rs.getBigDecimal("amount_yuan"),
                rs.getString("document"), rs.getInt("workers_affected"), rs.getInt("workers_resettled"),
                rs.getBigDecimal("resettlement_yuan"), rs.getString("granted_by"),
                rs.getTimestamp("granted_at").toInstant(), List.of());
    }
}

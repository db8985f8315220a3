package org.capgov.projects.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of replacement plans (V70); reads go through the scope of the plan's project. */
@Repository
class PlanRepository {

    private static final String PLAN = """
            select r.*, p.name as project_name, p.uscc, p.region_code, p.region_path, e.name as enterprise_name
              from replacement_plan r join project p on p.id = r.project_id join enterprise e on e.id = p.enterprise_id
            """;

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long project, String product, String unit, BigDecimal ratio, String ratioReason, BigDecimal required,
            BigDecimal covered, String authority, Long account, Long units, int noticeDays, String by) {
        long id = jdbc.sql("select nextval('replacement_plan_id_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into replacement_plan (id, code, project_id, product, unit, ratio, ratio_reason, required, covered,
                    confirming_authority, ledger_account, ledger_units, status, notice_days, created_by)
                values (:id, :code, :p, :product, :unit, :ratio, :why, :required, :covered, :authority, :account, :units,
                    'DRAFT', :days, :by)
                """).param("id", id).param("code", "ZH-" + id).param("p", project).param("product", product)
                .param("unit", unit).param("ratio", ratio).param("why", ratioReason).param("required", required)
                .param("covered", covered).param("authority", authority).param("account", account)
                .param("units", units).param("days", noticeDays).param("by", by).update();
        return id;
    }

    void retired(long plan, long equipmentId, String code, String uscc, String enterpriseName, String product,
            BigDecimal capacity, String agreement) {
        jdbc.sql("""
                insert into replacement_plan_equipment (plan_id, equipment_id, equipment_code, uscc, enterprise_name,
                    product, capacity, agreement) values (:plan, :eq, :code, :uscc, :name, :product, :capacity, :agreement)
                """).param("plan", plan).param("eq", equipmentId).param("code", code).param("uscc", uscc)
                .param("name", enterpriseName).param("product", product).param("capacity", capacity)
                .param("agreement", agreement).update();
    }

    /** The live plan that already counts an equipment item, if any. */
    Optional<String> planCounting(long equipmentId) {
        return jdbc.sql("""
                select r.code from replacement_plan_equipment e join replacement_plan r on r.id = e.plan_id
                 where e.equipment_id = :eq and not e.released
                """).param("eq", equipmentId).query(String.class).optional();
    }

    /** Whether the item's capacity was already issued as indicator units (it would count twice). */
    boolean issuedAsUnits(long equipmentId) {
        return jdbc.sql("select exists (select 1 from ledger_issuance where equipment_id = :eq)").param("eq", equipmentId)
                .query(Boolean.class).single();
    }

    Optional<ReplacementPlan> find(long id, DataScope scope, boolean lock) {
        SqlPredicate p = scope.predicate("p.region_path", null, "p.uscc");
        return jdbc.sql(PLAN + " where r.id = :id and " + p.sql() + (lock ? " for update of r" : ""))
                .params(p.params()).param("id", id).query(PlanRepository::plan).optional();
    }

    /** The plan with this code, in scope or announced (announced plans are published). */
    Optional<ReplacementPlan> byCode(String code, DataScope scope) {
        SqlPredicate p = scope.predicate("p.region_path", null, "p.uscc");
        return jdbc.sql(PLAN + " where r.code = :code and (r.status = 'ANNOUNCED' or " + p.sql() + ")")
                .params(p.params()).param("code", code).query(PlanRepository::plan).optional();
    }

    List<ReplacementPlan> search(DataScope scope, Long project, int limit) {
        SqlPredicate p = scope.predicate("p.region_path", null, "p.uscc");
        return jdbc.sql(PLAN + " where " + p.sql() + (project == null ? "" : " and r.project_id = :project")
                + " order by r.id desc limit :limit").params(p.params()).param("project", project == null ? 0 : project)
                .param("limit", limit).query(PlanRepository::plan).list();
    }

    /** Announced plans, for the public page (published: no scope). */
    List<ReplacementPlan> announced(int limit) {
        return jdbc.sql(PLAN + " where r.status = 'ANNOUNCED' order by r.announced_on desc, r.id desc limit :limit")
                .param("limit", limit).query(PlanRepository::plan).list();
    }

    List<ReplacementPlan.Retired> retired(long plan) {
        return jdbc.sql("select * from replacement_plan_equipment where plan_id = :p order by id").param("p", plan)
                .query((rs, n) -> new ReplacementPlan.Retired(rs.getLong("id"), rs.getLong("equipment_id"),
                        rs.getString("equipment_code"), rs.getString("uscc"), rs.getString("enterprise_name"),
                        rs.getString("product"), rs.getBigDecimal("capacity"), rs.getString("agreement"),
                        rs.getString("exit_case_id"), rs.getBoolean("released"))).list();
    }

    List<ReplacementPlan.Objection> objections(long plan) {
        return jdbc.sql("select * from replacement_plan_objection where plan_id = :p order by received_on, id")
                .param("p", plan).query(PlanRepository::objection).list();
    }

    Optional<ReplacementPlan.Objection> objection(long plan, long id, boolean lock) {
        return jdbc.sql("select * from replacement_plan_objection where plan_id = :p and id = :id"
                + (lock ? " for update" : "")).param("p", plan).param("id", id).query(PlanRepository::objection)
                .optional();
    }

    long objection(long plan, LocalDate on, String objector, String text, String kind, String uscc, String account,
            String actor) {
        return jdbc.sql("""
                insert into replacement_plan_objection (plan_id, received_on, objector, text, objector_kind,
                    objector_uscc, objector_account, actor)
                values (:p, :d, :o, :t, :kind, :uscc, :account, :a) returning id
                """).param("p", plan).param("d", on).param("o", objector).param("t", text).param("kind", kind)
                .param("uscc", uscc).param("account", account).param("a", actor).query(Long.class).single();
    }

    void answer(long id, String answer, LocalDate on, String document, String by, boolean notified) {
        jdbc.sql("""
                update replacement_plan_objection set answer = :answer, answered_on = :on, answer_document = :doc,
                    answered_by = :by, answered_at = now(), notified = :notified where id = :id and answer is null
                """).param("answer", answer).param("on", on).param("doc", document).param("by", by)
                .param("notified", notified).param("id", id).update();
    }

    /** The name of a registered enterprise, wherever it is: an objector need not be in the officer's scope. */
    Optional<String> enterpriseName(String uscc) {
        return jdbc.sql("select name from enterprise where uscc = :u").param("u", uscc).query(String.class).optional();
    }

    int unanswered(long plan) {
        return jdbc.sql("select count(*) from replacement_plan_objection where plan_id = :p and answer is null")
                .param("p", plan).query(Integer.class).single();
    }

    void notice(long plan, LocalDate start, LocalDate end, String document) {
        jdbc.sql("""
                update replacement_plan set status = 'NOTICE', notice_start = :s, notice_end = :e, notice_document = :d,
                    version = version + 1 where id = :id
                """).param("s", start).param("e", end).param("d", document).param("id", plan).update();
    }

    void announced(long plan, LocalDate on, String document, LocalDate exitDeadline) {
        jdbc.sql("""
                update replacement_plan set status = 'ANNOUNCED', announced_on = :on, announcement = :d,
                    exit_deadline = :deadline, version = version + 1 where id = :id
                """).param("on", on).param("d", document).param("deadline", exitDeadline).param("id", plan).update();
    }

    void exitCase(long retiredId, String caseId) {
        jdbc.sql("update replacement_plan_equipment set exit_case_id = :c where id = :id").param("c", caseId)
                .param("id", retiredId).update();
    }

    void refused(long plan, String reason) {
        jdbc.sql("update replacement_plan set status = 'REFUSED', refusal = :r, version = version + 1 where id = :id")
                .param("r", reason).param("id", plan).update();
        jdbc.sql("update replacement_plan_equipment set released = true where plan_id = :id").param("id", plan).update();
    }

    private static ReplacementPlan.Objection objection(ResultSet rs, int n) throws SQLException {
        return new ReplacementPlan.Objection(rs.getLong("id"), rs.getObject("received_on", LocalDate.class),
                rs.getString("objector"), rs.getString("text"), rs.getString("actor"), rs.getString("objector_kind"),
                rs.getString("objector_uscc"), rs.getString("objector_account"), rs.getString("answer"),
                rs.getObject("answered_on", LocalDate.class), rs.getString("answer_document"),
                rs.getString("answered_by"), rs.getBoolean("notified"));
    }

    private static ReplacementPlan plan(ResultSet rs, int n) throws SQLException {
        long account = rs.getLong("ledger_account");
        Long acc = rs.wasNull() ? null : account;
        long units = rs.getLong("ledger_units");
        Long u = rs.wasNull() ? null : units;
        return new ReplacementPlan(rs.getLong("id"), rs.getString("code"), rs.getLong("project_id"),
                rs.getString("project_name"), rs.getString("uscc"), rs.getString("enterprise_name"),
                rs.getString("region_code"), rs.getString("region_path"), rs.getString("product"), rs.getString("unit"),
                rs.getBigDecimal("ratio"), rs.getString("ratio_reason"), rs.getBigDecimal("required"),
                rs.getBigDecimal("covered"), rs.getString("confirming_authority"), acc, u, rs.getString("status"),
                rs.getInt("notice_days"), rs.getObject("notice_start", LocalDate.class),
                rs.getObject("notice_end", LocalDate.class), rs.getString("notice_document"),
                rs.getObject("announced_on", LocalDate.class), rs.getString("announcement"),
                rs.getObject("exit_deadline", LocalDate.class), rs.getString("refusal"));
    }
}

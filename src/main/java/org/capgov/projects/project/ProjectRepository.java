package org.capgov.projects.project;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.capgov.projects.gate.GateDecision;
import org.capgov.projects.gate.GateRequest;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of projects (V70); every read of a project goes through the caller's data scope. */
@Repository
class ProjectRepository {

    private static final String PROJECT = """
            select p.*, e.name as enterprise_name from project p join enterprise e on e.id = p.enterprise_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProjectRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(long enterpriseId, String uscc, String region, String regionPath, String name, String kind,
            String industry, String product, String unit, BigDecimal added, BigDecimal removed, String approvalKind,
            List<GateRequest.Equipment> equipment, LocalDate declaredOn, GateDecision gate, String by) {
        return jdbc.sql("""
                insert into project (enterprise_id, uscc, region_code, region_path, name, kind, industry, product, unit,
                    capacity_added, capacity_removed, approval_kind, equipment, declared_on, status, status_since, gate,
                    gate_decision, created_by)
                values (:e, :uscc, :region, :path, :name, :kind, :industry, :product, :unit, :added, :removed,
                    :approval, cast(:equipment as jsonb), :declared, 'DECLARED', :declared, cast(:gate as jsonb),
                    :decision, :by) returning id
                """).param("e", enterpriseId).param("uscc", uscc).param("region", region).param("path", regionPath)
                .param("name", name).param("kind", kind).param("industry", industry).param("product", product)
                .param("unit", unit).param("added", added).param("removed", removed).param("approval", approvalKind)
                .param("equipment", json.writeValueAsString(equipment)).param("declared", declaredOn)
                .param("gate", json.writeValueAsString(gate)).param("decision", gate.decision().name())
                .param("by", by).query(Long.class).single();
    }

    Optional<Project> find(long id, DataScope scope, boolean lock) {
        SqlPredicate p = scope.predicate("p.region_path", null, "p.uscc");
        return jdbc.sql(PROJECT + " where p.id = :id and " + p.sql() + (lock ? " for update of p" : ""))
                .params(p.params()).param("id", id).query(this::project).optional();
    }

    List<Project> search(DataScope scope, String status, int limit) {
        SqlPredicate p = scope.predicate("p.region_path", null, "p.uscc");
        return jdbc.sql(PROJECT + " where " + p.sql() + (status == null ? "" : " and p.status = :status")
                + " order by p.id desc limit :limit").params(p.params())
                .param("status", status == null ? "" : status).param("limit", limit).query(this::project).list();
    }

    void status(long id, ProjectStatus to, LocalDate since) {
        jdbc.sql("update project set status = :s, status_since = :d, version = version + 1 where id = :id")
                .param("s", to.name()).param("d", since).param("id", id).update();
    }

    void gate(long id, GateDecision gate) {
        jdbc.sql("update project set gate = cast(:g as jsonb), gate_decision = :d, version = version + 1 where id = :id")
                .param("g", json.writeValueAsString(gate)).param("d", gate.decision().name()).param("id", id).update();
    }

    void event(long project, ProjectStatus from, ProjectStatus to, LocalDate date, String document, String note,
            String actor) {
        jdbc.sql("""
                insert into project_event (project_id, from_status, to_status, effective_date, document, note, actor)
                values (:p, :f, :t, :d, :doc, :note, :a)
                """).param("p", project).param("f", from == null ? null : from.name()).param("t", to.name())
                .param("d", date).param("doc", document).param("note", note).param("a", actor).update();
    }

    List<Project.Event> events(long project) {
        return jdbc.sql("select * from project_event where project_id = :p order by id").param("p", project)
                .query((rs, n) -> new Project.Event(rs.getLong("id"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getObject("effective_date", LocalDate.class),
                        rs.getString("document"), rs.getString("note"), rs.getString("actor"),
                        rs.getTimestamp("recorded_at").toInstant())).list();
    }

    void document(long project, String kind, String number, LocalDate issuedOn, String department, String actor) {
        jdbc.sql("""
                insert into project_document (project_id, kind, number, issued_on, department, actor)
                values (:p, :k, :n, :d, :dep, :a)
                """).param("p", project).param("k", kind).param("n", number).param("d", issuedOn)
                .param("dep", department).param("a", actor).update();
    }

    List<Project.Document> documents(long project) {
        return jdbc.sql("select * from project_document where project_id = :p order by id").param("p", project)
                .query((rs, n) -> new Project.Document(rs.getLong("id"), rs.getString("kind"), rs.getString("number"),
                        rs.getObject("issued_on", LocalDate.class), rs.getString("department"))).list();
    }

    void override(long project, String gateDecision, String decision, String reason, String document, String actor) {
        jdbc.sql("""
                insert into project_override (project_id, gate_decision, decision, reason, document, actor)
                values (:p, :g, :d, :r, :doc, :a)
                """).param("p", project).param("g", gateDecision).param("d", decision).param("r", reason)
                .param("doc", document).param("a", actor).update();
        jdbc.sql("update project set override_decision = :d, version = version + 1 where id = :id").param("d", decision)
                .param("id", project).update();
    }

    List<Project.OverrideRecord> overrides(long project) {
        return jdbc.sql("select * from project_override where project_id = :p order by id").param("p", project)
                .query((rs, n) -> new Project.OverrideRecord(rs.getLong("id"), rs.getString("gate_decision"),
                        rs.getString("decision"), rs.getString("reason"), rs.getString("document"),
                        rs.getString("actor"), rs.getTimestamp("recorded_at").toInstant())).list();
    }

    /** Whether an announced plan covers the project's required retirement. */
    boolean announcedPlanCovers(long project) {
        return jdbc.sql("""
                select exists (select 1 from replacement_plan where project_id = :p and status = 'ANNOUNCED'
                    and covered >= required)
                """).param("p", project).query(Boolean.class).single();
    }

    /** Exit cases opened by the project's announced plans. */
    List<String> exitCases(long project) {
        return jdbc.sql("""
                select e.exit_case_id from replacement_plan_equipment e join replacement_plan r on r.id = e.plan_id
                 where r.project_id = :p and r.status = 'ANNOUNCED' and e.exit_case_id is not null order by e.id
                """).param("p", project).query(String.class).list();
    }

    private Project project(ResultSet rs, int n) throws SQLException {
        String gate = rs.getString("gate");
        String equipment = rs.getString("equipment");
        Date since = rs.getDate("status_since");
        return new Project(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("uscc"),
                rs.getString("enterprise_name"), rs.getString("region_code"), rs.getString("region_path"),
                rs.getString("name"), rs.getString("kind"), rs.getString("industry"), rs.getString("product"),
                rs.getString("unit"), rs.getBigDecimal("capacity_added"), rs.getBigDecimal("capacity_removed"),
                rs.getString("approval_kind"), json.readValue(equipment, new TypeReference<List<GateRequest.Equipment>>() {
                }), rs.getObject("declared_on", LocalDate.class), ProjectStatus.valueOf(rs.getString("status")),
                since.toLocalDate(), gate == null ? null : json.readValue(gate, GateDecision.class),
                rs.getString("override_decision"), rs.getInt("version"));
    }
}

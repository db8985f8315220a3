package org.capgov.enforcement;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.shared.DataScope;
import org.capgov.shared.Dimension;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cases, their timelines and exit measures. Every read for a caller takes its condition from
 * {@link DataScope#predicate}: region subtree × dimension of the case × the granted enterprise.
 */
@Repository
class CaseRepository {

    static final String SELECT = """
            select c.*, e.name as enterprise_name, q.code as equipment_code, d.name as department_name
              from enforcement_case c
              join enterprise e on e.id = c.enterprise_id
              left join equipment q on q.id = c.equipment_id
              join department d on d.code = c.department_code
            """;

    /** A case to insert; its id is already drawn. */
    record NewCase(String id, CaseKind kind, long enterpriseId, String uscc, String regionPath, Dimension dimension,
            Long equipmentId, String departmentCode, CaseState state, LocalDate openedOn, LocalDate deadline,
            boolean productionStopped, String findingRef, String ruleId, String origin, String createdBy) {
    }

    record Page(long total, List<EnforcementCase> items) {
    }

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EnforcementCase> find(String id, DataScope scope, LocalDate today) {
        SqlPredicate inScope = scope.predicate("c.region_path", "c.dimension", "c.uscc");
        return jdbc.sql(SELECT + " where c.id = :id and " + inScope.sql()).params(inScope.params()).param("id", id)
                .query((rs, n) -> map(rs, today)).optional();
    }

    Optional<String> openCaseId(long enterpriseId, Dimension dimension, Long equipmentId) {
        return jdbc.sql("""
                select id from enforcement_case where enterprise_id = :e and dimension = :d
                   and coalesce(equipment_id, 0) = :q and closed_on is null""")
                .param("e", enterpriseId).param("d", dimension.name()).param("q", equipmentId == null ? 0L : equipmentId)
                .query(String.class).optional();
    }

    /** A readable number: ZG (整改) or TC (退出), the year of the opening, a running number. */
    String nextId(CaseKind kind, LocalDate openedOn) {
        long n = jdbc.sql("select nextval('enforcement_case_number')").query(Long.class).single();
        return String.format("%s-%d-%06d", kind == CaseKind.EXIT ? "TC" : "ZG", openedOn.getYear(), n);
    }

    void insert(NewCase c) {
        jdbc.sql("""
                insert into enforcement_case (id, kind, enterprise_id, uscc, region_path, dimension, equipment_id,
                    department_code, state, opened_on, deadline, original_deadline, production_stopped, finding_ref,
                    rule_id, origin, created_by)
                values (:id, :kind, :enterprise, :uscc, :path, :dimension, :equipment, :department, :state, :opened,
                    :deadline, :deadline, :stopped, :finding, :rule, :origin, :by)""")
                .param("id", c.id()).param("kind", c.kind().name()).param("enterprise", c.enterpriseId())
                .param("uscc", c.uscc()).param("path", c.regionPath()).param("dimension", c.dimension().name())
                .param("equipment", c.equipmentId()).param("department", c.departmentCode())
                .param("state", c.state().name()).param("opened", c.openedOn()).param("deadline", c.deadline())
                .param("stopped", c.productionStopped()).param("finding", c.findingRef()).param("rule", c.ruleId())
                .param("origin", c.origin()).param("by", c.createdBy())
                .update();
    }

    /**
     * Writes the changed fields when nobody changed the case since {@code expectedVersion}; false otherwise. The
     * sweep's mark is kept (the sweep does not take the version) unless the deadline moved.
     */
    boolean update(EnforcementCase c, int expectedVersion, boolean deadlineMoved) {
        return jdbc.sql("""
                update enforcement_case set state = :state, deadline = :deadline, extension_used = :extension,
                       closed_on = :closed, closed_by_law = :byLaw,
                       overdue_since = case when :moved then null else overdue_since end,
                       version = version + 1
                 where id = :id and version = :version""")
                .param("state", c.state().name()).param("deadline", c.deadline()).param("extension", c.extensionUsed())
                .param("closed", c.closedOn()).param("byLaw", c.closedByLaw()).param("moved", deadlineMoved)
                .param("id", c.id()).param("version", expectedVersion)
                .update() == 1;
    }

    long insertEvent(String caseId, CaseAction action, CaseState from, CaseState to, LocalDate effectiveDate,
            String document, String note, Integer months, LocalDate deadline, String actor) {
        return jdbc.sql("""
                insert into case_event (case_id, action, from_state, to_state, effective_date, document, note, months,
                    deadline, actor)
                values (:case, :action, :from, :to, :date, :document, :note, :months, :deadline, :actor) returning id""")
                .param("case", caseId).param("action", action == null ? null : action.name())
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("date", effectiveDate)
                .param("document", document).param("note", note).param("months", months).param("deadline", deadline)
                .param("actor", actor)
                .query(Long.class).single();
    }

    List<CaseEvent> timeline(String caseId) {
        return jdbc.sql("select * from case_event where case_id = :id order by effective_date, id")
                .param("id", caseId).query((rs, n) -> new CaseEvent(rs.getLong("id"), rs.getString("case_id"),
                        rs.getString("action") == null ? null : CaseAction.valueOf(rs.getString("action")),
                        rs.getString("from_state") == null ? null : CaseState.valueOf(rs.getString("from_state")),
                        CaseState.valueOf(rs.getString("to_state")), date(rs, "effective_date"), rs.getString("document"),
                        rs.getString("note"), (Integer) rs.getObject("months"), date(rs, "deadline"),
                        rs.getString("actor"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    List<ExitMeasureRecord> measures(String caseId) {
        return jdbc.sql("""
                select m.*, q.code from case_exit_measure m left join equipment q on q.id = m.equipment_id
                 where m.case_id = :id order by m.effective_date, m.id""")
                .param("id", caseId).query((rs, n) -> new ExitMeasureRecord(rs.getLong("id"), rs.getString("case_id"),
                        (Long) rs.getObject("equipment_id"), rs.getString("code"),
                        ExitMeasure.valueOf(rs.getString("measure")), date(rs, "effective_date"),
                        rs.getBigDecimal("capacity"), rs.getString("product"), rs.getBoolean("commitment"),
                        date(rs, "dismantle_deadline"), rs.getString("document"), rs.getLong("event_id")))
                .list();
    }

    void insertMeasure(String caseId, Long equipmentId, ExitMeasure measure, LocalDate date,
            java.math.BigDecimal capacity, String product, boolean commitment, LocalDate dismantleDeadline,
            String document, long eventId) {
        jdbc.sql("""
                insert into case_exit_measure (case_id, equipment_id, measure, effective_date, capacity, product,
                    commitment, dismantle_deadline, document, event_id)
                values (:case, :equipment, :measure, :date, :capacity, :product, :commitment, :dismantle, :document,
                    :event)""")
                .param("case", caseId).param("equipment", equipmentId).param("measure", measure.name())
                .param("date", date).param("capacity", capacity).param("product", product)
                .param("commitment", commitment).param("dismantle", dismantleDeadline).param("document", document)
                .param("event", eventId)
                .update();
    }

    /** Dimensions of the enterprise's other open cases still in rectification (the enterprise stays RECTIFYING). */
    List<Dimension> otherOpenRectifications(long enterpriseId, String exceptId) {
        return jdbc.sql("""
                select dimension from enforcement_case where enterprise_id = :e and id <> :id and closed_on is null
                   and state in ('NOTICE_ISSUED', 'EXTENSION_REQUESTED', 'RECTIFICATION_SUBMITTED')""")
                .param("e", enterpriseId).param("id", exceptId)
                .query((rs, n) -> Dimension.valueOf(rs.getString(1))).list();
    }

    Page page(CaseFilter f, DataScope scope, LocalDate today, int page, int size) {
        SqlPredicate inScope = scope.predicate("c.region_path", "c.dimension", "c.uscc");
        Map<String, Object> params = new HashMap<>(inScope.params());
        StringBuilder where = new StringBuilder(inScope.sql());
        if (f.state() != null) {
            where.append(" and c.state = :state");
            params.put("state", f.state().name());
        }
        if (f.dimension() != null) {
            where.append(" and c.dimension = :dimension");
            params.put("dimension", f.dimension().name());
        }
        if (f.regionPath() != null) {
            where.append(" and c.region_path like :regionPath");
            params.put("regionPath", f.regionPath() + "%");
        }
        if (f.uscc() != null) {
            where.append(" and c.uscc = :uscc");
            params.put("uscc", f.uscc());
        }
        if (f.department() != null) {
            where.append(" and c.department_code = :department");
            params.put("department", f.department());
        }
        if (f.open() != null) {
            where.append(f.open() ? " and c.closed_on is null" : " and c.closed_on is not null");
        }
        if (f.overdue() != null) {
            where.append(f.overdue() ? " and c.closed_on is null and c.deadline < :today"
                    : " and not (c.closed_on is null and c.deadline is not null and c.deadline < :today)");
            params.put("today", today);
        }
        long total = jdbc.sql("select count(*) from enforcement_case c where " + where).params(params)
                .query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<EnforcementCase> items = jdbc.sql(SELECT + " where " + where
                + " order by c.closed_on is not null, c.deadline nulls last, c.id limit :limit offset :offset")
                .params(params).query((rs, n) -> map(rs, today)).list();
        return new Page(total, items);
    }

    static EnforcementCase map(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate deadline = date(rs, "deadline");
        LocalDate closedOn = date(rs, "closed_on");
        return new EnforcementCase(rs.getString("id"), CaseKind.valueOf(rs.getString("kind")),
                CaseState.valueOf(rs.getString("state")), rs.getLong("enterprise_id"), rs.getString("uscc"),
                rs.getString("enterprise_name"), rs.getString("region_path"), Dimension.valueOf(rs.getString("dimension")),
                (Long) rs.getObject("equipment_id"), rs.getString("equipment_code"), rs.getString("department_code"),
                rs.getString("department_name"), date(rs, "opened_on"), deadline, date(rs, "original_deadline"),
                rs.getBoolean("extension_used"), rs.getBoolean("production_stopped"), closedOn,
                rs.getBoolean("closed_by_law"), rs.getString("finding_ref"), rs.getString("rule_id"),
                rs.getString("origin"), CaseDates.overdue(deadline, closedOn, today), date(rs, "overdue_since"),
                rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}

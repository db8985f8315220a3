package org.capgov.credit;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.shared.DataScope;
import org.capgov.shared.Dimension;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for credit records. Reads over records take the caller's scope: region subtree × dimension × enterprise. */
@Repository
class CreditRecordRepository {

    private static final String SELECT = """
            select r.*, e.name as enterprise_name from credit_record r join enterprise e on e.id = r.enterprise_id
            """;

    private final JdbcClient jdbc;

    CreditRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new record, or empty when this case already has one on this basis (events may come twice). */
    Optional<Long> insert(long enterpriseId, String uscc, String regionPath, Dimension dimension, String department,
            CreditBasis basis, String caseId, String document, LocalDate since, List<CreditMeasure> measures,
            String createdBy) {
        return jdbc.sql("""
                insert into credit_record (enterprise_id, uscc, region_path, dimension, department_code, basis, case_id,
                                           document, since, measures, created_by)
                values (:enterprise, :uscc, :path, :dimension, :department, :basis, :caseId, :document, :since,
                        cast(:measures as varchar[]), :by)
                on conflict (case_id, basis) do nothing
                returning id
                """).param("enterprise", enterpriseId).param("uscc", uscc).param("path", regionPath)
                .param("dimension", dimension == null ? null : dimension.name()).param("department", department).param("basis", basis.name())
                .param("caseId", caseId).param("document", document).param("since", since)
                .param("measures", "{" + String.join(",", measures.stream().map(Enum::name).toList()) + "}")
                .param("by", createdBy).query(Long.class).optional();
    }

    Optional<Long> idOf(String caseId, CreditBasis basis) {
        return jdbc.sql("select id from credit_record where case_id = :c and basis = :b").param("c", caseId)
                .param("b", basis.name()).query(Long.class).optional();
    }

    /** The document of an earlier record of the same case (a missed exit deadline refers to the closure decision). */
    Optional<String> documentOfCase(String caseId) {
        return jdbc.sql("select document from credit_record where case_id = :c and document is not null order by id limit 1")
                .param("c", caseId).query(String.class).optional();
    }

    /** The exit of the case was verified on {@code date}; the earliest verification counts. */
    List<Long> markExitVerified(String caseId, LocalDate date) {
        return jdbc.sql("""
                update credit_record set exit_verified_on = :d
                 where case_id = :c and (exit_verified_on is null or exit_verified_on > :d)
                returning id
                """).param("c", caseId).param("d", date).query(Long.class).list();
    }

    Optional<CreditRecord> find(long id, DataScope scope) {
        SqlPredicate inScope = inScope(scope);
        return jdbc.sql(SELECT + " where r.id = :id and " + inScope.sql()).params(inScope.params()).param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    /** For update: the row locked so that two repairs of one record serialise. */
    Optional<CreditRecord> lock(long id, DataScope scope) {
        SqlPredicate inScope = inScope(scope);
        return jdbc.sql(SELECT + " where r.id = :id and " + inScope.sql() + " for update of r").params(inScope.params())
                .param("id", id).query((rs, n) -> map(rs)).optional();
    }

    void repair(long id, LocalDate on, RepairGround ground, String document, String note, String by) {
        jdbc.sql("""
                update credit_record set status = 'REPAIRED', repaired_on = :on, repair_ground = :ground,
                       repair_document = :document, repair_note = :note, repaired_by = :by
                 where id = :id
                """).param("id", id).param("on", on).param("ground", ground.name()).param("document", document)
                .param("note", note).param("by", by).update();
    }

    /**
     * Records in force on {@code asOf} (begun, not repaired by then) of {@code uscc}, and of its affiliates when they
     * impose a measure that extends to affiliates.
     */
    List<CreditRecord> inForce(String uscc, List<String> affiliates, LocalDate asOf) {
        List<String> extending = Arrays.stream(CreditMeasure.values()).filter(CreditMeasure::extendsToAffiliates)
                .map(Enum::name).toList();
        return jdbc.sql(SELECT + """
                 where r.since <= :asOf and (r.repaired_on is null or r.repaired_on > :asOf)
                   and (r.uscc = :uscc or (r.uscc = any(cast(:affiliates as varchar[]))
                                           and r.measures && cast(:extending as varchar[])))
                 order by r.since, r.id
                """).param("uscc", uscc).param("asOf", asOf).param("affiliates", array(affiliates))
                .param("extending", array(extending)).query((rs, n) -> map(rs)).list();
    }

    boolean known(String uscc) {
        return jdbc.sql("select exists (select 1 from credit_record where uscc = :u)").param("u", uscc)
                .query(Boolean.class).single();
    }

    record Page(List<CreditRecord> rows, long total) {
    }

    Page search(CreditRecordFilter f, String regionPath, DataScope scope, int page, int size) {
        SqlPredicate inScope = inScope(scope);
        Map<String, Object> params = new HashMap<>(inScope.params());
        List<String> where = new ArrayList<>(List.of(inScope.sql()));
        if (f.uscc() != null) {
            where.add("r.uscc = :uscc");
            params.put("uscc", f.uscc());
        }
        if (f.status() != null) {
            where.add("r.status = :status");
            params.put("status", f.status());
        }
        if (f.basis() != null) {
            where.add("r.basis = :basis");
            params.put("basis", f.basis());
        }
        if (f.measure() != null) {
            where.add(":measure = any(r.measures)");
            params.put("measure", f.measure());
        }
        if (regionPath != null) {
            where.add("r.region_path like :regionPath");
            params.put("regionPath", regionPath + "%");
        }
        String condition = String.join(" and ", where);
        long total = jdbc.sql("select count(*) from credit_record r where " + condition).params(params)
                .query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<CreditRecord> rows = jdbc.sql(SELECT + " where " + condition
                + " order by r.since desc, r.id desc limit :limit offset :offset").params(params)
                .query((rs, n) -> map(rs)).list();
        return new Page(rows, total);
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    /**
     * Records in the caller's scope. A record of no dimension (an illegal project's, which belongs to none of the
     * comprehensive standards) is in scope by region and enterprise alone.
     */
    private static SqlPredicate inScope(DataScope scope) {
        SqlPredicate byDimension = scope.predicate("r.region_path", "r.dimension", "r.uscc");
        SqlPredicate byRegion = scope.predicate("r.region_path", null, "r.uscc");
        if (byDimension.sql().equals(byRegion.sql())) {
            return byDimension;
        }
        Map<String, Object> params = new HashMap<>(byDimension.params());
        params.putAll(byRegion.params());
        return new SqlPredicate("((r.dimension is null and " + byRegion.sql() + ") or " + byDimension.sql() + ")", params);
    }

    private static CreditRecord map(ResultSet rs) throws SQLException {
        Array measures = rs.getArray("measures");
        List<CreditMeasure> list = Arrays.stream((String[]) measures.getArray()).map(CreditMeasure::valueOf).toList();
        String ground = rs.getString("repair_ground");
        return new CreditRecord(rs.getLong("id"), rs.getString("uscc"), rs.getString("enterprise_name"),
                rs.getString("region_path"), rs.getString("dimension") == null ? null : Dimension.valueOf(rs.getString("dimension")), rs.getString("department_code"),
                CreditBasis.valueOf(rs.getString("basis")), rs.getString("case_id"), rs.getString("document"),
                date(rs, "since"), list, rs.getString("status"), date(rs, "exit_verified_on"), date(rs, "repaired_on"),
                ground == null ? null : RepairGround.valueOf(ground), rs.getString("repair_document"),
                rs.getString("repair_note"), rs.getString("repaired_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}

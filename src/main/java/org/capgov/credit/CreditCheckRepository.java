package org.capgov.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the check log. */
@Repository
class CreditCheckRepository {

    private final JdbcClient jdbc;

    CreditCheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String caller, String department, String uscc, CreditMeasure measure, boolean restricted,
            List<CreditMeasure> measures, List<Long> recordIds, Instant at) {
        jdbc.sql("""
                insert into credit_check (id, caller, department, uscc, measure, restricted, result_measures, record_ids,
                                          checked_at)
                values (:id, :caller, :department, :uscc, :measure, :restricted, cast(:measures as varchar[]),
                        cast(:records as bigint[]), :at)
                """).param("id", id).param("caller", caller).param("department", department).param("uscc", uscc)
                .param("measure", measure == null ? null : measure.name()).param("restricted", restricted)
                .param("measures", "{" + String.join(",", measures.stream().map(Enum::name).toList()) + "}")
                .param("records", "{" + String.join(",", recordIds.stream().map(String::valueOf).toList()) + "}")
                .param("at", Timestamp.from(at)).update();
    }

    Optional<CreditCheck> find(UUID id) {
        return jdbc.sql("select * from credit_check where id = :id").param("id", id).query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * The region path of the enterprise a check concerns, read from the registry, or from its credit records when
     * the code is not (or no longer) registered; empty when neither knows it.
     */
    Optional<String> regionOf(String uscc) {
        return jdbc.sql("""
                select coalesce((select region_path from enterprise where uscc = :u),
                                (select region_path from credit_record where uscc = :u order by id limit 1))
                """).param("u", uscc).query(String.class).optional().filter(java.util.Objects::nonNull);
    }

    /** Locked, so that two feedbacks on one check serialise and the second sees the first. */
    Optional<CreditCheck> lockOfCaller(UUID id, String caller) {
        return jdbc.sql("select * from credit_check where id = :id and caller = :caller for update").param("id", id)
                .param("caller", caller).query((rs, n) -> map(rs)).optional();
    }

    void feedback(UUID id, CheckFeedbackAction action, String note, Instant at) {
        jdbc.sql("update credit_check set feedback_action = :action, feedback_note = :note, feedback_at = :at where id = :id")
                .param("id", id).param("action", action.name()).param("note", note).param("at", Timestamp.from(at))
                .update();
    }

    List<CreditCheck> ofRecord(long recordId, int limit) {
        return jdbc.sql("select * from credit_check where record_ids @> array[cast(:r as bigint)] "
                + "order by checked_at desc limit :limit").param("r", recordId).param("limit", limit)
                .query((rs, n) -> map(rs)).list();
    }

    List<CreditCheck> ofCaller(String caller, int limit) {
        return jdbc.sql("select * from credit_check where caller = :caller order by checked_at desc limit :limit")
                .param("caller", caller).param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    private static CreditCheck map(ResultSet rs) throws SQLException {
        String measure = rs.getString("measure");
        String action = rs.getString("feedback_action");
        Timestamp feedbackAt = rs.getTimestamp("feedback_at");
        return new CreditCheck(rs.getString("id"), rs.getString("caller"), rs.getString("department"),
                rs.getString("uscc"), measure == null ? null : CreditMeasure.valueOf(measure), rs.getBoolean("restricted"),
                Arrays.stream((String[]) rs.getArray("result_measures").getArray()).map(CreditMeasure::valueOf).toList(),
                Arrays.stream((Long[]) rs.getArray("record_ids").getArray()).toList(),
                rs.getTimestamp("checked_at").toInstant(), action == null ? null : CheckFeedbackAction.valueOf(action),
                rs.getString("feedback_note"), feedbackAt == null ? null : feedbackAt.toInstant());
    }
}

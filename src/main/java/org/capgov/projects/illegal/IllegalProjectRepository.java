package org.capgov.projects.illegal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.capgov.projects.illegal.IllegalProjectRules.Application;
import org.capgov.projects.illegal.IllegalProjectRules.Measure;
import org.capgov.projects.illegal.IllegalProjectRules.Procedures;
import org.capgov.projects.illegal.IllegalProjectRules.Stage;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the register (V90). Reads take the caller's scope: region subtree × enterprise. */
@Repository
class IllegalProjectRepository {

    private static final String SELECT = """
            select p.*, e.name as enterprise_name, g.name as region_name
              from illegal_project p join enterprise e on e.id = p.enterprise_id join region g on g.code = e.region_code
            """;

    private final JdbcClient jdbc;

    IllegalProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewProject(long enterpriseId, String uscc, String regionPath, String name, String industry, Stage stage,
            Procedures procedures, boolean concealed, boolean backward, List<Measure> measures, String citation,
            LocalDate foundOn, String document, LocalDate demolitionDeadline, Integer eliminationYear, String by) {
    }

    /** Stores the project; returns its id and register number. */
    Inserted insert(NewProject p) {
        String number = "WG" + p.foundOn().getYear()
                + String.format("%06d", jdbc.sql("select nextval('illegal_project_number_seq')").query(Long.class).single());
        long id = jdbc.sql("""
                insert into illegal_project (number, enterprise_id, uscc, region_path, name, industry, stage, procedures,
                       concealed, backward, measures, citation, found_on, document, demolition_deadline,
                       elimination_year, created_by)
                values (:number, :enterprise, :uscc, :path, :name, :industry, :stage, :procedures, :concealed, :backward,
                        cast(:measures as varchar[]), :citation, :foundOn, :document, :deadline, :year, :by)
                returning id
                """).param("number", number).param("enterprise", p.enterpriseId()).param("uscc", p.uscc())
                .param("path", p.regionPath()).param("name", p.name()).param("industry", p.industry())
                .param("stage", p.stage().name()).param("procedures", p.procedures().name())
                .param("concealed", p.concealed()).param("backward", p.backward()).param("measures", array(p.measures()))
                .param("citation", p.citation()).param("foundOn", p.foundOn()).param("document", p.document())
                .param("deadline", p.demolitionDeadline()).param("year", p.eliminationYear()).param("by", p.by())
                .query(Long.class).single();
        return new Inserted(id, number);
    }

    record Inserted(long id, String number) {
    }

    void creditRecord(long id, long creditRecordId) {
        jdbc.sql("update illegal_project set credit_record_id = :c where id = :id").param("c", creditRecordId)
                .param("id", id).update();
    }

    void reference(long projectId, String kind, String number, String issuer, LocalDate issuedOn) {
        jdbc.sql("""
                insert into illegal_project_reference (project_id, kind, number, issuer, issued_on)
                values (:p, :kind, :number, :issuer, :on)
                """).param("p", projectId).param("kind", kind).param("number", number).param("issuer", issuer)
                .param("on", issuedOn).update();
    }

    /** The project after a step: its class, measures, application and dates as the step left them. */
    void update(long id, Procedures procedures, List<Measure> measures, String citation, Application application,
            LocalDate demolitionDeadline, LocalDate demolishedOn, Integer eliminationYear) {
        jdbc.sql("""
                update illegal_project set procedures = :procedures, measures = cast(:measures as varchar[]),
                       citation = :citation, application = :application, demolition_deadline = :deadline,
                       demolished_on = :demolished, elimination_year = :year, updated_at = now()
                 where id = :id
                """).param("procedures", procedures.name()).param("measures", array(measures))
                .param("citation", citation).param("application", application.name()).param("deadline", demolitionDeadline)
                .param("demolished", demolishedOn).param("year", eliminationYear).param("id", id).update();
    }

    void step(long projectId, String step, LocalDate on, String document, String note, String actor) {
        jdbc.sql("""
                insert into illegal_project_step (project_id, step, on_date, document, note, actor)
                values (:p, :step, :on, :document, :note, :actor)
                """).param("p", projectId).param("step", step).param("on", on).param("document", document)
                .param("note", note).param("actor", actor).update();
    }

    Optional<IllegalProject> find(String number, DataScope scope, boolean lock) {
        SqlPredicate inScope = scope.predicate("p.region_path", null, "p.uscc");
        return jdbc.sql(SELECT + " where p.number = :number and " + inScope.sql() + (lock ? " for update of p" : ""))
                .params(inScope.params()).param("number", number).query((rs, n) -> map(rs)).optional();
    }

    List<IllegalProject> list(DataScope scope, int limit) {
        SqlPredicate inScope = scope.predicate("p.region_path", null, "p.uscc");
        return jdbc.sql(SELECT + " where " + inScope.sql() + " order by p.id desc limit :limit").params(inScope.params())
                .param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    List<IllegalProject.Reference> references(long projectId) {
        return jdbc.sql("select * from illegal_project_reference where project_id = :p order by id").param("p", projectId)
                .query((rs, n) -> new IllegalProject.Reference(rs.getString("kind"), rs.getString("number"),
                        rs.getString("issuer"), rs.getObject("issued_on", LocalDate.class)))
                .list();
    }

    List<IllegalProject.StepRecord> steps(long projectId) {
        return jdbc.sql("select * from illegal_project_step where project_id = :p order by id").param("p", projectId)
                .query((rs, n) -> new IllegalProject.StepRecord(rs.getString("step"),
                        rs.getObject("on_date", LocalDate.class), rs.getString("document"), rs.getString("note"),
                        rs.getString("actor")))
                .list();
    }

    private static String array(List<Measure> measures) {
        return "{" + String.join(",", measures.stream().map(Enum::name).toList()) + "}";
    }

    private static IllegalProject map(ResultSet rs) throws SQLException {
        Array measures = rs.getArray("measures");
        List<Measure> list = Arrays.stream((String[]) measures.getArray()).map(Measure::valueOf).toList();
        return new IllegalProject(rs.getLong("id"), rs.getString("number"), rs.getString("uscc"),
                rs.getString("enterprise_name"), rs.getString("region_path"), rs.getString("region_name"),
                rs.getString("name"), rs.getString("industry"), Stage.valueOf(rs.getString("stage")),
                Procedures.valueOf(rs.getString("procedures")), rs.getBoolean("concealed"), rs.getBoolean("backward"),
                list, rs.getString("citation"), Application.valueOf(rs.getString("application")),
                rs.getObject("found_on", LocalDate.class), rs.getString("document"),
                rs.getObject("demolition_deadline", LocalDate.class), rs.getObject("demolished_on", LocalDate.class),
                (Integer) rs.getObject("elimination_year"), (Long) rs.getObject("credit_record_id"), false, List.of(),
                List.of());
    }
}

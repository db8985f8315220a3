package org.capgov.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for departments. */
@Repository
class DepartmentRepository {

    private static final String SELECT = """
            select d.*, r.name as region_name from department d join region r on r.code = d.region_code
            """;
    private final JdbcClient jdbc;

    DepartmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Department> findVisible(DataScope scope) {
        SqlPredicate inScope = scope.regionPredicate("r.path");
        Map<String, Object> params = new HashMap<>(inScope.params());
        return jdbc.sql(SELECT + " where " + inScope.sql() + " order by r.path, d.kind, d.code").params(params)
                .query((rs, n) -> map(rs)).list();
    }

    Optional<Department> findById(long id) {
        return jdbc.sql(SELECT + " where d.id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    Optional<Department> findByCode(String code) {
        return jdbc.sql(SELECT + " where d.code = :code").param("code", code).query((rs, n) -> map(rs)).optional();
    }

    long countActiveVisible(DataScope scope) {
        SqlPredicate inScope = scope.regionPredicate("r.path");
        return jdbc.sql("select count(*) from department d join region r on r.code = d.region_code where d.active and "
                + inScope.sql()).params(inScope.params()).query(Long.class).single();
    }

    long insert(String code, String name, String shortName, String nameEn, String regionCode, String kind,
            String dimensionsLiteral, String sourceDocument) {
        return jdbc.sql("""
                insert into department (code, name, short_name, name_en, region_code, kind, dimensions, source_document)
                values (:code, :name, :short, :en, :region, :kind, cast(:dims as varchar[]), :src) returning id
                """).param("code", code).param("name", name).param("short", shortName).param("en", nameEn)
                .param("region", regionCode).param("kind", kind).param("dims", dimensionsLiteral)
                .param("src", sourceDocument).query(Long.class).single();
    }

    void setActive(long id, boolean active) {
        jdbc.sql("update department set active = :a where id = :id").param("a", active).param("id", id).update();
    }

    private static Department map(ResultSet rs) throws SQLException {
        return new Department(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
                rs.getString("name_en"), rs.getString("region_code"), rs.getString("region_name"), rs.getString("kind"),
                PersonRepository.dimensions(rs.getArray("dimensions")), rs.getString("source_document"),
                rs.getBoolean("active"));
    }
}

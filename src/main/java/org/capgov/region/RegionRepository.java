package org.capgov.region;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for regions. Regions are reference data: every user may read them. */
@Repository
class RegionRepository {

    private final JdbcClient jdbc;

    RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Region> findAll(boolean includeClosed) {
        return jdbc.sql("select * from region where (:closed or closed_on is null) order by path")
                .param("closed", includeClosed).query((rs, n) -> map(rs)).list();
    }

    List<Region> findSubtree(String path) {
        return jdbc.sql("select * from region where path like :p order by path").param("p", path + "%")
                .query((rs, n) -> map(rs)).list();
    }

    Optional<Region> findByCode(String code) {
        return jdbc.sql("select * from region where code = :c").param("c", code).query((rs, n) -> map(rs)).optional();
    }

    Map<String, Long> countOpenByKind() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("select kind, count(*) as n from region where closed_on is null group by kind order by kind")
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("kind"), rs.getLong("n"));
                });
        return counts;
    }

    /** A zone a coordinator sets with its basis and first day is confirmed (V). */
    void setAirZone(String code, AirZone zone, String by, String basis, java.time.LocalDate since) {
        jdbc.sql("""
                update region set air_zone = :z, air_zone_set_by = :by, air_zone_set_at = now(), air_zone_basis = :basis,
                       air_zone_since = :since, air_zone_confidence = 'V'
                where code = :c
                """).param("z", zone.name()).param("by", by).param("basis", basis).param("since", since)
                .param("c", code).update();
    }

    void setKeyAirRegion(String code, boolean key) {
        jdbc.sql("update region set key_air_region = :k where code = :c").param("k", key).param("c", code).update();
    }

    private static Region map(ResultSet rs) throws SQLException {
        Date opened = rs.getDate("opened_on");
        Date closed = rs.getDate("closed_on");
        Timestamp setAt = rs.getTimestamp("air_zone_set_at");
        return new Region(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("parent_code"), rs.getString("path"), rs.getInt("level"), rs.getString("kind"),
                opened == null ? null : opened.toLocalDate(), closed == null ? null : closed.toLocalDate(),
                AirZone.valueOf(rs.getString("air_zone")), rs.getString("air_zone_set_by") != null,
                rs.getString("air_zone_set_by"), setAt == null ? null : setAt.toInstant(),
                rs.getString("air_zone_basis"), rs.getBoolean("key_air_region"),
                rs.getObject("air_zone_since", java.time.LocalDate.class), rs.getString("air_zone_confidence"));
    }
}

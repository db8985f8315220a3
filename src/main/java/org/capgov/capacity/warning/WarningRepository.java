package org.capgov.capacity.warning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.capacity.utilisation.Utilisation;
import org.capgov.shared.Decimals;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of warnings and their months. Warnings carry no enterprise figures, so they are read by region only. */
@Repository
class WarningRepository {

    /** A warning row without its history and citation. */
    record Row(long id, String product, String regionCode, String regionName, String regionPath, String level,
            String status, YearMonth since, YearMonth lastPeriod, BigDecimal utilisation, YearMonth closedPeriod,
            LocalDate closedOn) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    WarningRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The open warnings of {@code product} by region code, locked for the evaluation's transaction (one query). */
    Map<String, Row> openOf(String product) {
        Map<String, Row> out = new HashMap<>();
        jdbc.sql(SELECT + " where w.product = :product and w.status = 'OPEN' for update of w").param("product", product)
                .query(WarningRepository::row).list().forEach(r -> out.put(r.regionCode(), r));
        return out;
    }

    /** The month rows and updates of one product's evaluated month, sent as batches at its end. */
    static final class Writes {
        private final List<MapSqlParameterSource> months = new ArrayList<>();
        private final List<MapSqlParameterSource> updates = new ArrayList<>();

        void month(long id, YearMonth period, String level, BigDecimal utilisation, Utilisation u) {
            months.add(new MapSqlParameterSource().addValue("id", id).addValue("period", Date.valueOf(period.atDay(1)))
                    .addValue("level", level).addValue("u", utilisation).addValue("output", u.output())
                    .addValue("capacity", u.capacity()).addValue("reporting", (int) u.reportingEnterprises())
                    .addValue("missing", u.missingCapacityShare()));
        }

        void update(long id, String level, YearMonth period, BigDecimal utilisation) {
            updates.add(new MapSqlParameterSource().addValue("level", level)
                    .addValue("period", Date.valueOf(period.atDay(1))).addValue("u", utilisation).addValue("id", id));
        }
    }

    void write(Writes w) {
        if (!w.months.isEmpty()) {
            batch.batchUpdate(MONTH, w.months.toArray(MapSqlParameterSource[]::new));
        }
        if (!w.updates.isEmpty()) {
            batch.batchUpdate(UPDATE, w.updates.toArray(MapSqlParameterSource[]::new));
        }
    }

    private static final String UPDATE =
            "update capacity_warning set level = :level, last_period = :period, utilisation = :u where id = :id";

    private static final String MONTH = """
            insert into capacity_warning_month (warning_id, period, level, utilisation, output, capacity,
                                                reporting_enterprises, missing_capacity_share)
            values (:id, :period, :level, :u, :output, :capacity, :reporting, :missing)
            on conflict (warning_id, period) do update set level = excluded.level, utilisation = excluded.utilisation,
                output = excluded.output, capacity = excluded.capacity,
                reporting_enterprises = excluded.reporting_enterprises,
                missing_capacity_share = excluded.missing_capacity_share, evaluated_at = now()
            """;

    List<Row> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where w.id in (:ids) order by w.region_path, w.product").param("ids", ids)
                .query(WarningRepository::row).list();
    }

    long insert(String product, String regionCode, String regionPath, String level, YearMonth period, BigDecimal utilisation) {
        return jdbc.sql("""
                insert into capacity_warning (product, region_code, region_path, level, status, since, last_period, utilisation)
                values (:product, :region, :path, :level, 'OPEN', :period, :period, :u) returning id
                """).param("product", product).param("region", regionCode).param("path", regionPath).param("level", level)
                .param("period", Date.valueOf(period.atDay(1))).param("u", utilisation).query(Long.class).single();
    }

    void close(long id, YearMonth period, LocalDate on) {
        jdbc.sql("update capacity_warning set status = 'CLOSED', closed_period = :period, closed_on = :on where id = :id")
                .param("period", Date.valueOf(period.atDay(1))).param("on", Date.valueOf(on)).param("id", id).update();
    }

    /** Warnings under {@code regionPath} (subtree), optionally of one product and status, newest first. */
    List<Row> search(String regionPath, String product, String status, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(" where w.region_path like :path");
        p.put("path", regionPath + "%");
        if (product != null) {
            where.append(" and w.product = :product");
            p.put("product", product);
        }
        if (status != null) {
            where.append(" and w.status = :status");
            p.put("status", status);
        }
        p.put("limit", limit);
        return jdbc.sql(SELECT + where + " order by w.status desc, w.region_path, w.product, w.since desc limit :limit")
                .params(p).query(WarningRepository::row).list();
    }

    Map<Long, List<CapacityWarning.Month>> history(List<Long> ids) {
        Map<Long, List<CapacityWarning.Month>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from capacity_warning_month where warning_id in (:ids) order by warning_id, period")
                .param("ids", ids).query((ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong("warning_id"), k -> new ArrayList<>()).add(new CapacityWarning.Month(
                            YearMonth.from(rs.getDate("period").toLocalDate()).toString(), rs.getString("level"),
                            percent(rs.getBigDecimal("utilisation")), Decimals.plain(rs.getBigDecimal("output")),
                            Decimals.plain(rs.getBigDecimal("capacity")), rs.getInt("reporting_enterprises"),
                            rs.getBigDecimal("missing_capacity_share")));
                });
        return out;
    }

    /**
     * The departments that lead overcapacity work in these regions: the 经济信息委 (which 000 三、（一） makes
     * 具体落实) and the 发展改革委, by the code convention of the department seed (region prefix + JXW / FGW).
     */
    List<String> industryDepartments(List<String> regionCodes) {
        return jdbc.sql("select code from department where active and region_code in (:regions) "
                + "and (code like '%-JXW' or code like '%-FGW') order by code").param("regions", regionCodes)
                .query(String.class).list();
    }

    private static final String SELECT = """
            select w.*, r.name as region_name from capacity_warning w join region r on r.code = w.region_code
            """;

    /**
     * A utilisation as it was computed, to one decimal (67.7): the column is numeric(7, 2), so without this the pages
     * would show 67.70 % where the utilisation page shows 67.7 %.
     */
    private static BigDecimal percent(BigDecimal stored) {
        return stored == null ? null : stored.setScale(1, RoundingMode.HALF_UP);
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Date closedPeriod = rs.getDate("closed_period");
        Date closedOn = rs.getDate("closed_on");
        return new Row(rs.getLong("id"), rs.getString("product"), rs.getString("region_code"), rs.getString("region_name"),
                rs.getString("region_path"), rs.getString("level"), rs.getString("status"),
                YearMonth.from(rs.getDate("since").toLocalDate()), YearMonth.from(rs.getDate("last_period").toLocalDate()),
                percent(rs.getBigDecimal("utilisation")), closedPeriod == null ? null : YearMonth.from(closedPeriod.toLocalDate()),
                closedOn == null ? null : closedOn.toLocalDate());
    }
}

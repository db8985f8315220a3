package org.capgov.pricing.surcharge;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Monthly lists as stored when the grid company acknowledged them (or a coordinator regenerated them): later fetches
 * of the month for the region or any region under it return these rows, whatever findings have changed since
 * (docs/decisions/pricing-readings.md P9).
 */
@Repository
class StoredLists {

    /** A stored list: the region subtree it covers and when it was stored. */
    record Stored(long id, String regionPath, Instant storedAt) {
    }

    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    StoredLists(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** The latest list stored for the month whose region is the given subtree or one above it. */
    Optional<Stored> covering(YearMonth month, String path) {
        return jdbc.sql("""
                select id, region_path, stored_at from pricing_stored_list
                where month = :m and :path like region_path || '%' order by id desc limit 1""")
                .param("m", Date.valueOf(month.atDay(1))).param("path", path)
                .query((rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant())).optional();
    }

    /** Stores a list as computed now, and returns its id. */
    long store(YearMonth month, String regionCode, String path, String scalesVersion, List<SurchargeItem> items,
            List<SurchargeList.ConflictItem> conflicts, List<SurchargeItem> drafts, String cause, String by) {
        long id = jdbc.sql("""
                insert into pricing_stored_list (month, region_code, region_path, scales_version, items, cause, stored_by)
                values (:m, :code, :path, :version, :items, :cause, :by) returning id""")
                .param("m", Date.valueOf(month.atDay(1))).param("code", regionCode).param("path", path)
                .param("version", scalesVersion).param("items", items.size()).param("cause", cause).param("by", by)
                .query(Long.class).single();
        List<Object[]> rows = new ArrayList<>();
        int seq = 0;
        for (SurchargeItem i : items) {
            rows.add(new Object[] {id, seq++, "ITEM", i.gridAccount(), i.uscc(), i.regionPath(), i.kind(),
                    json.writeValueAsString(i)});
        }
        for (SurchargeList.ConflictItem c : conflicts) {
            rows.add(new Object[] {id, seq++, "CONFLICT", c.gridAccount(), c.uscc(), c.first().regionPath(), null,
                    json.writeValueAsString(c)});
        }
        for (SurchargeItem d : drafts) {
            rows.add(new Object[] {id, seq++, "DRAFT", d.gridAccount(), d.uscc(), d.regionPath(), d.kind(),
                    json.writeValueAsString(d)});
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            template.batchUpdate("""
                    insert into pricing_stored_item (list_id, seq, section, account_no, uscc, region_path, kind, item)
                    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""", rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        return id;
    }

    /** The rows of one section of a stored list within a subtree and scope, in the order stored. */
    <T> void rows(long listId, String section, String path, DataScope scope, Class<T> type, Consumer<T> sink) {
        SqlPredicate s = scope.predicate("region_path", null, "uscc");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("id", listId);
        p.put("section", section);
        p.put("path", path + "%");
        jdbc.sql("select item from pricing_stored_item where list_id = :id and section = :section "
                + "and region_path like :path and " + s.sql() + " order by seq").params(p).withFetchSize(5000)
                .query((ResultSet rs) -> {
                    sink.accept(json.readValue(rs.getString(1), type));
                });
    }
}

package org.capgov.registry;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.capgov.shared.DataScope;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of {@link RegistryFacts}: enterprises left-joined with their current equipment, ordered by enterprise id. */
@Repository
class RegistryFactsRepository {

    private static final int FETCH = 5000;
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String IN_REGISTER = "e.status not in ('EXITED', 'DEREGISTERED')";
    // the equipment index (enterprise_id, code) and the enterprise primary key give this order without a sort
    private static final String SELECT = """
            select e.id, e.uscc, e.region_code, e.region_path, array_to_string(e.industries, ','),
                   q.code, q.type, q.parameters::text, q.id
            from enterprise e
            left join equipment q on q.enterprise_id = e.id and q.status not in ('DISMANTLED', 'TRANSFERRED')
                                 and (q.commissioned is null or q.commissioned <= :asOf)
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate readOnly;

    RegistryFactsRepository(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    void stream(DataScope scope, LocalDate asOf, Collection<Long> ids, Consumer<RegistryFactsEnterprise> sink) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        Map<String, Object> params = new HashMap<>(inScope.params());
        params.put("asOf", asOf);
        String only = "";
        if (ids != null) {
            only = " and e.id in (select unnest(cast(:ids as bigint[])))";
            params.put("ids", ids.toArray(Long[]::new));
        }
        String sql = SELECT + " where " + IN_REGISTER + " and " + inScope.sql() + only + " order by e.id, q.code";
        readOnly.executeWithoutResult(tx -> {
            Grouper grouper = new Grouper(sink, datedFacts(asOf));
            jdbc.sql(sql).params(params).withFetchSize(FETCH).query((ResultSet rs) -> {
                grouper.row(rs);
            });
            grouper.flush();
        });
    }

    int count(DataScope scope, Collection<Long> ids) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        Map<String, Object> params = new HashMap<>(inScope.params());
        String only = "";
        if (ids != null) {
            only = " and e.id in (select unnest(cast(:ids as bigint[])))";
            params.put("ids", ids.toArray(Long[]::new));
        }
        return jdbc.sql("select count(*) from enterprise e where " + IN_REGISTER + " and " + inScope.sql() + only)
                .params(params).query(Integer.class).single();
    }

    Optional<RegistryFactsEnterprise> find(String uscc, LocalDate asOf, DataScope scope) {
        SqlPredicate inScope = scope.predicate("e.region_path", null, "e.uscc");
        List<RegistryFactsEnterprise> found = new ArrayList<>(1);
        Grouper grouper = new Grouper(found::add, datedFacts(asOf));
        jdbc.sql(SELECT + " where e.uscc = :uscc and " + IN_REGISTER + " and " + inScope.sql() + " order by e.id, q.code")
                .params(inScope.params()).param("uscc", uscc).param("asOf", asOf).query((ResultSet rs) -> {
                    grouper.row(rs);
                });
        grouper.flush();
        return found.stream().findFirst();
    }

    Set<Long> changedSince(Instant since) {
        Timestamp t = Timestamp.from(since);
        Set<Long> ids = new HashSet<>(jdbc.sql("""
                select id from enterprise where updated_at > :t or created_at > :t
                union select enterprise_id from equipment where updated_at > :t or created_at > :t
                union select q.enterprise_id from equipment_fact f join equipment q on q.id = f.equipment_id
                      where f.recorded_at > :t
                """).param("t", t).query(Long.class).list());
        // measurements live in the monitoring module's table, which older databases do not have yet
        if (jdbc.sql("select to_regclass('measurement') is not null").query(Boolean.class).single()) {
            ids.addAll(jdbc.sql("select distinct enterprise_id from measurement where recorded_at > :t").param("t", t)
                    .query(Long.class).list());
        }
        // a value marked INVALID or SUSPECT later keeps its recorded_at; the audit trail (entity: the USCC) has it
        ids.addAll(jdbc.sql("""
                select e.id from audit_entry a join enterprise e on e.uscc = a.entity_id
                where a.entity_type = 'measurement' and a.recorded_at > :t
                """).param("t", t).query(Long.class).list());
        return ids;
    }

    /**
     * The dated facts (equipment_fact) holding on the date, the latest per item and code, by equipment id. They are
     * few (a decision or check per item, for the few catalogue items that need one), so they are read once and
     * merged into the parameters of their items as the rows stream by.
     */
    private Map<Long, Map<String, Object>> datedFacts(LocalDate asOf) {
        Map<Long, Map<String, Object>> facts = new HashMap<>();
        jdbc.sql("""
                select distinct on (equipment_id, code) equipment_id, code, value from equipment_fact
                where valid_from <= :asOf order by equipment_id, code, valid_from desc
                """).param("asOf", asOf).query((ResultSet rs) -> {
                    facts.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBoolean(3));
                });
        return facts;
    }

    /** Folds the rows of one enterprise (one per equipment item, or one with no equipment) into one record. */
    private final class Grouper {
        private final Consumer<RegistryFactsEnterprise> sink;
        private final Map<Long, Map<String, Object>> datedFacts;
        private long id = -1;
        private String uscc;
        private String regionCode;
        private String regionPath;
        private Set<String> industries;
        private List<RegistryFactsEnterprise.Item> items = new ArrayList<>();

        Grouper(Consumer<RegistryFactsEnterprise> sink, Map<Long, Map<String, Object>> datedFacts) {
            this.sink = sink;
            this.datedFacts = datedFacts;
        }

        void row(ResultSet rs) throws SQLException {
            long next = rs.getLong(1);
            if (next != id) {
                flush();
                id = next;
                uscc = rs.getString(2);
                regionCode = rs.getString(3);
                regionPath = rs.getString(4);
                industries = Set.copyOf(Arrays.asList(rs.getString(5).split(",")));
            }
            String code = rs.getString(6);
            if (code != null) {
                Map<String, Object> parameters = parameters(rs.getString(8));
                Map<String, Object> dated = datedFacts.isEmpty() ? null : datedFacts.get(rs.getLong(9));
                if (dated != null) {
                    parameters.putAll(dated);
                }
                items.add(new RegistryFactsEnterprise.Item(code, rs.getString(7), parameters));
            }
        }

        void flush() {
            if (id >= 0) {
                sink.accept(new RegistryFactsEnterprise(id, uscc, regionCode, regionPath, industries, List.copyOf(items)));
                items = new ArrayList<>();
                id = -1;
            }
        }
    }

    /** Parameters as stored (validated); numbers as BigDecimal, which is what the engine compares. */
    private Map<String, Object> parameters(String text) {
        Map<String, Object> raw = json.readValue(text, MAP);
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            if (e.getValue() instanceof Number n && !(n instanceof BigDecimal)) {
                e.setValue(new BigDecimal(n.toString()));
            }
        }
        return raw;
    }
}

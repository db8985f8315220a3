package org.capgov.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.capgov.audit.AuditTrail;
import org.capgov.identity.SystemActor;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;
import org.capgov.registry.RegionDirectory;
import java.time.Clock;

/**
 * The demo loader against the shared test database. The test context runs without demo mode, so the loader is
 * built here by hand; its data set has its own seed and leaves out the demo account's enterprise, so that its
 * codes meet no other test's.
 */
class RegistryDemoDataIT extends IntegrationTest {

    @Autowired
    Clock clock;

    private static final long SEED = 7_2026_1123L;
    private static final int ENTERPRISES = 200;

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    RegionDirectory regions;
    @Autowired
    JsonMapper json;

    @Test
    void loadsEnterprisesEquipmentHistoriesAndGridAccountsWithOneAuditEntry() {
        RegistryDemoGenerator generator = new RegistryDemoGenerator(SEED, false);
        List<RegistryDemoGenerator.EnterpriseRow> rows = new ArrayList<>();
        generator.generate(ENTERPRISES, rows::add);
        List<String> usccs = rows.stream().map(r -> r.enterprise().uscc()).toList();
        int items = rows.stream().mapToInt(r -> r.equipment().size()).sum();
        RegistryDemoData loader = new RegistryDemoData(clock, dataSource, transactionManager, jdbc, audit, regions, json,
                ENTERPRISES, SEED);

        RegistryDemoData.Loaded loaded = SystemActor.call(() -> loader.load(generator, ENTERPRISES));

        assertThat(loaded.enterprises()).isEqualTo(ENTERPRISES);
        assertThat(loaded.equipment()).isEqualTo(items);
        assertThat(count("select count(*) from enterprise where uscc in (:u)", usccs)).isEqualTo(ENTERPRISES);
        assertThat(count("select count(*) from equipment q join enterprise e on e.id = q.enterprise_id where e.uscc in (:u)",
                usccs)).isEqualTo(items);
        assertThat(count("select count(*) from grid_account g join enterprise e on e.id = g.enterprise_id "
                + "where e.uscc in (:u) and g.valid_to is null", usccs))
                .isEqualTo(rows.stream().mapToLong(r -> r.enterprise().gridAccounts().size()).sum());
        assertThat(count("select count(*) from enterprise where uscc in (:u) and uscc_flag is not null", usccs))
                .isEqualTo(rows.stream().filter(r -> r.enterprise().acceptCheckCharacter() != null).count());
        assertThat(count("select count(*) from enterprise where uscc in (:u) and parent_id is not null", usccs))
                .isEqualTo(rows.stream().filter(r -> r.enterprise().parentUscc() != null).count());

        // one history row per enterprise in its current status, and an OPERATING period before every other status
        long notOperating = rows.stream().filter(r -> !r.enterprise().status().equals("OPERATING")).count();
        assertThat(count("select count(*) from enterprise_status_history h join enterprise e on e.id = h.enterprise_id "
                + "where e.uscc in (:u)", usccs)).isEqualTo(ENTERPRISES + notOperating);
        assertThat(count("select count(*) from enterprise_status_history h join enterprise e on e.id = h.enterprise_id "
                + "where e.uscc in (:u) and h.effective_to is null and h.status = e.status "
                + "and h.effective_from = e.status_since", usccs)).isEqualTo(ENTERPRISES);
        assertThat(count("select count(*) from enterprise_status_history h join enterprise e on e.id = h.enterprise_id "
                + "where e.uscc in (:u) and h.effective_to = e.status_since and h.status = 'OPERATING'", usccs))
                .isEqualTo(notOperating);
        long itemsNotOperating = rows.stream().flatMap(r -> r.equipment().stream())
                .filter(q -> !q.status().equals("OPERATING")).count();
        assertThat(count("select count(*) from equipment_status_history h join equipment q on q.id = h.equipment_id "
                + "join enterprise e on e.id = q.enterprise_id where e.uscc in (:u)", usccs))
                .isEqualTo(items + itemsNotOperating);
        assertThat(count("select count(*) from equipment_status_history h join equipment q on q.id = h.equipment_id "
                + "join enterprise e on e.id = q.enterprise_id where e.uscc in (:u) and h.effective_to is null "
                + "and h.status = q.status and h.effective_from = q.status_since", usccs)).isEqualTo(items);
        // stored as the services store them: parameter defaults filled in
        assertThat(count("select count(*) from equipment q join enterprise e on e.id = q.enterprise_id "
                + "where e.uscc in (:u) and q.type = 'ROLLING_MILL' and q.parameters -> 'special_steel' is null", usccs))
                .isZero();

        List<Map<String, Object>> entries = jdbc.sql("select actor, summary from audit_entry where entity_type = 'demo_data' "
                + "and entity_id = :seed").param("seed", String.valueOf(SEED)).query().listOfRows();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)).containsEntry("actor", "system")
                .containsEntry("summary", "演示数据：" + ENTERPRISES + " 家企业、" + items + " 台设备 (seed " + SEED + ")");
    }

    private long count(String sql, List<String> usccs) {
        return jdbc.sql(sql).param("u", usccs).query(Long.class).single();
    }
}

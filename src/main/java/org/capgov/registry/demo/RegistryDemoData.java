package org.capgov.registry.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.identity.SystemActor;
import org.capgov.shared.Actors;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import org.capgov.registry.RegionDirectory;
import java.time.Clock;
import org.capgov.shared.ChinaTime;

/**
 * Demo mode only (capgov.demo=true): fills an empty registry with {@code capgov.demo.enterprises} (default 2,000,
 * at most 1,000,000) generated enterprises, their equipment, status histories and grid accounts, in one
 * transaction with one audit entry. Runs after the demo accounts, and its first enterprise is the one the demo
 * account {@code enterprise} belongs to. Rows go in by COPY rather than through the services: the services audit
 * every row, which would make start-up take minutes and the audit trail useless.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("capgov.demo")
class RegistryDemoData implements ApplicationRunner {

    static final long DEFAULT_SEED = 2014;
    private static final Logger log = LoggerFactory.getLogger(RegistryDemoData.class);

    /** What one load put in. */
    record Loaded(int enterprises, int equipment, long millis) {
    }

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final RegionDirectory regions;
    private final JsonMapper json;
    private final int enterprises;
    private final long seed;
    private final Clock clock;

    RegistryDemoData(Clock clock, DataSource dataSource, PlatformTransactionManager transactionManager, JdbcClient jdbc,
            AuditTrail audit, RegionDirectory regions, JsonMapper json,
            @Value("${capgov.demo.enterprises:2000}") int enterprises,
            @Value("${capgov.demo.seed:" + DEFAULT_SEED + "}") long seed) {
        this.clock = clock;
        if (enterprises < 0 || enterprises > RegistryDemoGenerator.MAX_ENTERPRISES) {
            throw new IllegalArgumentException("capgov.demo.enterprises must be between 0 and "
                    + RegistryDemoGenerator.MAX_ENTERPRISES + ", not " + enterprises);
        }
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.audit = audit;
        this.regions = regions;
        this.json = json;
        this.enterprises = enterprises;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enterprises == 0) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from enterprise)").query(Boolean.class).single()) {
            log.info("Demo registry data not loaded: the registry already holds enterprises");
            return;
        }
        SystemActor.run(() -> load(new RegistryDemoGenerator(seed), enterprises));
    }

    /** Loads {@code count} enterprises of {@code generator} in one transaction, then refreshes the planner's statistics. */
    Loaded load(RegistryDemoGenerator generator, int count) {
        long start = System.nanoTime();
        RegistryDemoCopy copied = transactions.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                RegistryDemoCopy copy = new RegistryDemoCopy(connection.unwrap(PGConnection.class).getCopyAPI(), jdbc, json,
                        regions.openRegions(), ChinaTime.today(clock), Actors.username());
                generator.generate(count, copy::add);
                copy.flush();
                audit.record(new AuditEvent(AuditAction.CREATE, "demo_data", String.valueOf(generator.seed()), null,
                        "演示数据：" + copy.enterprises() + " 家企业、" + copy.equipment() + " 台设备 (seed "
                                + generator.seed() + ")",
                        null, Map.of("enterprises", copy.enterprises(), "equipment", copy.equipment(),
                                "seed", generator.seed())));
                return copy;
            } catch (SQLException e) {
                throw new IllegalStateException("the database connection offers no COPY: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
        // fresh statistics, or the first queries plan for the empty tables they saw at start-up
        jdbc.sql("analyze enterprise, enterprise_status_history, grid_account, production_line, equipment, "
                + "equipment_status_history").update();
        Loaded loaded = new Loaded(copied.enterprises(), copied.equipment(), (System.nanoTime() - start) / 1_000_000);
        log.info("Demo registry data: {} enterprises and {} equipment items (seed {}) loaded in {} ms",
                loaded.enterprises(), loaded.equipment(), generator.seed(), loaded.millis());
        return loaded;
    }
}

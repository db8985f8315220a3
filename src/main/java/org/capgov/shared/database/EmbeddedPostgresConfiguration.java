package org.capgov.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * Starts PostgreSQL from the zonky binaries when no external database is configured, so that a
 * machine with only a JDK runs the real database. Its files live under {@code capgov.data-dir}/postgres
 * and survive restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

    static final String DATABASE = "capgov";
    /**
     * Scope and subtree filters are {@code path LIKE :prefix}; a generic plan cannot use the prefix index for a
     * bound pattern, so every statement is planned with its values (the same setting is made for an external
     * database in application.yml).
     */
    static final String PLAN_CACHE_MODE = "set plan_cache_mode = force_custom_plan";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${capgov.data-dir}") String dataDir,
            @Value("${capgov.embedded-db.port:0}") int port,
            @Value("${capgov.embedded-db.clean-on-start:false}") boolean cleanOnStart,
            @Value("${capgov.embedded-db.shared-buffers:1GB}") String sharedBuffers,
            @Value("${capgov.embedded-db.max-wal-size:4GB}") String maxWalSize) {
        Path directory = Path.of(dataDir).resolve("postgres").toAbsolutePath().normalize();
        if (cleanOnStart) {
            deleteQuietly(directory);
        }
        ensureUsable(directory);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "60")
                    // the registry of a province (millions of rows with their indexes) stays in memory
                    .setServerConfig("shared_buffers", sharedBuffers)
                    // a large import writes gigabytes of WAL: with the default 1 GB every import forces several
                    // checkpoints, and each checkpoint makes the next change of every page log the whole page again
                    .setServerConfig("max_wal_size", maxWalSize)
                    .setServerConfig("checkpoint_timeout", "30min")
                    .setServerConfig("checkpoint_completion_target", "0.9")
                    // nothing replicates or archives the embedded server's WAL (its backup is an offline copy of the data
                    // directory), so it logs only what crash recovery needs: an index built inside a transaction (the
                    // rebuilds of a large import, see ImportBulkLoad) is then written once instead of twice
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    // wal_compression stays off: the zonky build has only pglz, whose CPU cost exceeds what it saves
                    .setServerConfig("wal_buffers", "64MB")
                    // index builds of an import (see ImportBulkLoad) sort in memory
                    .setServerConfig("maintenance_work_mem", "512MB")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres);
            log.info("Database: embedded PostgreSQL on port {} with data in {}", postgres.getPort(), directory);
            return postgres;
        } catch (IOException | RuntimeException e) {
            throw new DataDirectoryUnusableException(directory, "嵌入式 PostgreSQL 无法启动 / embedded PostgreSQL failed to start: "
                    + rootMessage(e), e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setPoolName("capgov-embedded");
        config.setConnectionInitSql(PLAN_CACHE_MODE);
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            // PostgreSQL's own C.UTF-8: code-point order like the C library's C.UTF-8 that initdb picks here, and
            // Unicode case rules for ILIKE, but text compared byte by byte instead of through strcoll (a single-process
            // index build on the benchmark's USCCs took 1.5 s instead of 2.2 s, on equipment products 9.4 s instead of
            // 13.2 s). A database made before keeps its collation and the same order.
            statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0 "
                    + "locale_provider builtin builtin_locale 'C.UTF-8' locale 'C.UTF-8'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }

    /** Fails early with a clear reason when the directory cannot be created or written. */
    static void ensureUsable(Path directory) {
        try {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new DataDirectoryUnusableException(directory, "不是目录 / not a directory", null);
            }
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory.getParent(), ".capgov-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new DataDirectoryUnusableException(directory, "无法创建或写入 / cannot create or write: " + rootMessage(e), e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            log.warn("Could not clean {}: {}", directory, e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}

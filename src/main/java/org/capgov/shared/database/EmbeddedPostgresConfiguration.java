package org.capgov.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.postgresql.ds.PGSimpleDataSource;
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
            @Value("${capgov.embedded-db.max-wal-size:4GB}") String maxWalSize,
            @Value("${capgov.audit.checkpoint-file:}") String auditCheckpoint) {
        Path directory = Path.of(dataDir).resolve("postgres").toAbsolutePath().normalize();
        if (cleanOnStart) {
            LeftoverServer.stopIfLeftOver(directory);
            deleteQuietly(directory);
            deleteQuietly(directory.resolveSibling(EmbeddedCredentials.FILE_NAME));
            // the anchor of the audit trail that was just deleted with the database
            if (!auditCheckpoint.isBlank()) {
                deleteQuietly(Path.of(auditCheckpoint));
            }
        }
        ensureUsable(directory);
        return start(directory, port, sharedBuffers, maxWalSize);
    }

    /** Starts the server of {@code directory} (stopping one a dead capgov process left running) with its roles set up. */
    static EmbeddedPostgres start(Path directory, int port, String sharedBuffers, String maxWalSize) {
        EmbeddedCredentials credentials = EmbeddedCredentials.of(directory.getParent());
        try {
            LeftoverServer.stopIfLeftOver(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky's readiness check and capgov's own set-up connect as the superuser; on a directory made
                    // before passwords were required the password is simply not asked for
                    .setConnectConfig("password", credentials.superuserPassword())
                    // zonky starts the server with fsync and synchronous commit off, fine for tests but not for a
                    // registry: an acknowledged change must survive a power cut. A bulk load that can be redone may
                    // relax synchronous_commit for its own transaction (SET LOCAL), never for the server
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
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
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedRoles.apply(postgres, directory, credentials, DATABASE);
            log.info("Database: embedded PostgreSQL on port {} with data in {}", postgres.getPort(), directory);
            return postgres;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataDirectoryUnusableException unusable) {
                throw unusable;
            }
            throw new DataDirectoryUnusableException(directory, "嵌入式 PostgreSQL 无法启动 / embedded PostgreSQL failed to start: "
                    + rootMessage(e), e);
        }
    }

    /** The platform's connections: the application role, which is not a superuser and owns nothing of the audit trail. */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${capgov.data-dir}") String dataDir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl(EmbeddedCredentials.APPLICATION, DATABASE));
        config.setUsername(EmbeddedCredentials.APPLICATION);
        config.setPassword(credentials(dataDir).applicationPassword());
        config.setMaximumPoolSize(20);
        config.setPoolName("capgov-embedded");
        config.setConnectionInitSql(PLAN_CACHE_MODE);
        return new HikariDataSource(config);
    }

    /** The migrations run as the owner role (see {@link DatabaseRoleGrants}); one connection at start-up. */
    @Bean
    @FlywayDataSource
    DataSource ownerDataSource(EmbeddedPostgres postgres, @Value("${capgov.data-dir}") String dataDir) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(postgres.getJdbcUrl(EmbeddedCredentials.OWNER, DATABASE));
        ds.setPassword(credentials(dataDir).ownerPassword());
        return ds;
    }

    private static EmbeddedCredentials credentials(String dataDir) {
        return EmbeddedCredentials.of(Path.of(dataDir).toAbsolutePath().normalize());
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

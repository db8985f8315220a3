package org.capgov.shared.database;

import static org.capgov.shared.database.EmbeddedCredentials.APPLICATION;
import static org.capgov.shared.database.EmbeddedCredentials.OWNER;
import static org.capgov.shared.database.EmbeddedCredentials.SUPERUSER;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Sets up the embedded server's roles as the superuser, on every start (so that a data directory of an earlier
 * version, where everything belonged to the superuser and any local connection was trusted, is brought to the same
 * state): the owner role that runs the migrations and owns the audit trail, the application role the platform runs
 * as (neither is a superuser), the database handed to the owner, and password (SCRAM) authentication for every
 * connection. Which tables the application role then owns is decided after the migrations ({@link DatabaseRoleGrants}).
 */
final class EmbeddedRoles {

    static final String PG_HBA = """
            # Written by capgov at each start of its embedded server: every connection authenticates with a password
            # (SCRAM); the passwords are in ../database-credentials.properties.
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    private EmbeddedRoles() {
    }

    static void apply(EmbeddedPostgres postgres, Path directory, EmbeddedCredentials credentials, String database) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role " + SUPERUSER + " password '" + credentials.superuserPassword() + "'");
            ensureRole(s, OWNER, credentials.ownerPassword());
            ensureRole(s, APPLICATION, credentials.applicationPassword());
            // the owner may act for the application role (hand tables over to it, change them in a migration); the
            // application role is not a member of the owner, so it holds nothing of what the owner keeps (the audit trail)
            s.execute("grant " + APPLICATION + " to " + OWNER);
            // a large import skips the row-by-row foreign-key checks of rows it checked as a set (ImportBulkLoad);
            // replica mode silences triggers only, the audit table's privileges (DatabaseRoleGrants) still hold
            s.execute("grant set on parameter session_replication_role to " + APPLICATION);
            createDatabaseIfMissing(s, database);
            s.execute("alter database " + database + " owner to " + OWNER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the roles of the embedded database", e);
        }
        try (Connection c = postgres.getDatabase(SUPERUSER, database).getConnection(); Statement s = c.createStatement()) {
            handOverToOwner(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hand the schema of " + database + " to " + OWNER, e);
        }
        requirePasswords(postgres, directory);
    }

    private static void ensureRole(Statement s, String role, String password) throws SQLException {
        boolean exists;
        try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            exists = rs.next();
        }
        s.execute((exists ? "alter" : "create") + " role " + role
                + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '" + password + "'");
    }

    private static void createDatabaseIfMissing(Statement s, String database) throws SQLException {
        try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (rs.next()) {
                return;
            }
        }
        // PostgreSQL's own C.UTF-8: code-point order like the C library's C.UTF-8 that initdb picks here, and
        // Unicode case rules for ILIKE, but text compared byte by byte instead of through strcoll (a single-process
        // index build on the benchmark's USCCs took 1.5 s instead of 2.2 s, on equipment products 9.4 s instead of
        // 13.2 s). A database made before keeps its collation and the same order.
        s.execute("create database " + database + " encoding 'UTF8' template template0 "
                + "locale_provider builtin builtin_locale 'C.UTF-8' locale 'C.UTF-8'");
    }

    /**
     * A data directory of an earlier version: its schema belongs to the superuser. Tables, views, free-standing
     * sequences and functions (not those of an extension) go to the owner role, which runs the migrations from now on.
     */
    private static void handOverToOwner(Statement s) throws SQLException {
        s.execute("""
                do $$
                declare r record;
                begin
                    for r in select c.oid::regclass as name, c.relkind from pg_class c
                             where c.relnamespace = 'public'::regnamespace and c.relowner = '%1$s'::regrole
                               and (c.relkind in ('r', 'p', 'v', 'm', 'f')
                                    or c.relkind = 'S' and not exists (select 1 from pg_depend d where d.objid = c.oid
                                                                       and d.classid = 'pg_class'::regclass
                                                                       and d.deptype in ('a', 'i')))
                               and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
                    loop
                        execute format('alter %%s %%s owner to %2$s',
                                       case r.relkind when 'S' then 'sequence' when 'v' then 'view'
                                                      when 'm' then 'materialized view' when 'f' then 'foreign table'
                                                      else 'table' end, r.name);
                    end loop;
                    for r in select p.oid::regprocedure as name from pg_proc p
                             where p.pronamespace = 'public'::regnamespace and p.proowner = '%1$s'::regrole
                               and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
                    loop
                        execute format('alter routine %%s owner to %2$s', r.name);
                    end loop;
                end
                $$
                """.formatted(SUPERUSER, OWNER));
    }

    /** From now on every connection needs its password; the connections already open keep working. */
    private static void requirePasswords(EmbeddedPostgres postgres, Path directory) {
        try {
            Path hba = directory.resolve("pg_hba.conf");
            if (!PG_HBA.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
                Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(directory, "pg_hba.conf 无法写入 / cannot write pg_hba.conf", e);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reload the embedded server's configuration", e);
        }
    }
}

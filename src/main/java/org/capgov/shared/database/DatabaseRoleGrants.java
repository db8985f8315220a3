package org.capgov.shared.database;

import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After each migration run, as the role that ran it (the owner), splits the schema between the owner and the role the
 * application connects as (the embedded server's roles, or those of an external database set up as the README's
 * "database roles" says):
 * <ul>
 * <li>the audit trail ({@code audit_*}) and the migration history stay with the owner; the application may read the
 * trail and append to it and to its seals, and take entries off the list of those waiting to be sealed, nothing
 * else: it can neither change nor delete an entry, nor truncate the table, nor
 * disable its trigger (only the owner or a superuser may);</li>
 * <li>every other table goes to the application role, because the platform changes their structure while it runs:
 * monthly partitions of measurements and per-run partitions of findings, and the index rebuilds, truncations and
 * trigger switches of a large registry import (see ImportBulkLoad).</li>
 * </ul>
 * When the application connects as the owner itself (a single-role external database) nothing is split and a warning
 * says that the audit trail is then not protected from the application.
 */
@Component
class DatabaseRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoleGrants.class);
    private final ObjectProvider<DataSource> applicationDataSource;

    DatabaseRoleGrants(ObjectProvider<DataSource> applicationDataSource) {
        this.applicationDataSource = applicationDataSource;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "capgov-role-grants";
    }

    @Override
    public void handle(Event event, Context context) {
        String application = JdbcClient.create(applicationDataSource.getObject()).sql("select current_user")
                .query(String.class).single();
        try (Statement s = context.getConnection().createStatement()) {
            String owner;
            try (var rs = s.executeQuery("select current_user")) {
                rs.next();
                owner = rs.getString(1);
            }
            if (owner.equals(application)) {
                log.warn("The application connects as the role that owns the schema ({}): the audit trail is not protected "
                        + "from it. Set spring.flyway.user to a separate owner role (README, database roles).", owner);
                return;
            }
            split(s, application);
            log.info("Database roles: {} owns the audit trail and the migrations, the application runs as {}", owner,
                    application);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant the application role its tables", e);
        }
    }

    private static void split(Statement s, String application) throws SQLException {
        String role = '"' + application.replace("\"", "\"\"") + '"';
        s.execute("""
                do $$
                declare r record;
                begin
                    -- partitions of measurements and findings are created while the platform runs
                    execute 'grant usage, create on schema public to %1$s';
                    for r in select c.oid::regclass as name, c.relkind from pg_class c
                             where c.relnamespace = 'public'::regnamespace and c.relowner = current_user::regrole
                               and c.relname not like 'audit\\_%%' and c.relname <> 'flyway_schema_history'
                               and (c.relkind in ('r', 'p', 'v', 'm', 'f')
                                    or c.relkind = 'S' and not exists (select 1 from pg_depend d where d.objid = c.oid
                                                                       and d.classid = 'pg_class'::regclass
                                                                       and d.deptype in ('a', 'i')))
                    loop
                        execute format('alter %%s %%s owner to %1$s',
                                       case r.relkind when 'S' then 'sequence' when 'v' then 'view'
                                                      when 'm' then 'materialized view' when 'f' then 'foreign table'
                                                      else 'table' end, r.name);
                    end loop;
                end
                $$
                """.formatted(role));
        s.execute("revoke all on audit_entry from " + role);
        s.execute("grant select, insert on audit_entry to " + role);
        s.execute("grant usage on sequence audit_entry_seq to " + role);
        // the seals are appended by the application's sealer; the pending list is its work queue (V100)
        s.execute("revoke all on audit_seal from " + role);
        s.execute("grant select, insert on audit_seal to " + role);
        s.execute("revoke all on audit_pending from " + role);
        s.execute("grant select, insert, delete on audit_pending to " + role);
    }
}

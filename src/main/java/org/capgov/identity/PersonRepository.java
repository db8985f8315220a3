package org.capgov.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.capgov.shared.DataScope;
import org.capgov.shared.Dimension;
import org.capgov.shared.LikePattern;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for people and their memberships. */
@Repository
class PersonRepository {

    private static final String MEMBERSHIP_SQL = """
            select m.id, m.person_id, m.department_id, d.name as department_name, m.role, m.region_code,
                   r.name as region_name, r.path as region_path, m.dimensions, m.enterprise_uscc, m.acting_for
            from membership m join department d on d.id = m.department_id join region r on r.code = m.region_code
            """;

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Credentials(Person person, String passwordHash) {
    }

    Optional<Credentials> findCredentials(String username) {
        return jdbc.sql("select * from person where username = :u").param("u", username)
                .query((rs, n) -> new Credentials(person(rs, memberships(rs.getLong("id"))), rs.getString("password_hash")))
                .optional();
    }

    Optional<Person> findById(long id) {
        return jdbc.sql("select * from person where id = :id").param("id", id)
                .query((rs, n) -> person(rs, memberships(id))).optional();
    }

    Optional<Person> findByUsername(String username) {
        return findCredentials(username).map(Credentials::person);
    }

    /**
     * People visible in a scope: those with at least one membership inside it. The unrestricted scope also sees
     * people without any membership.
     */
    List<Person> findVisible(DataScope scope, String text) {
        VisibleQuery q = visible(scope, text);
        List<Long> ids = jdbc.sql("select p.id from person p where " + q.where() + " order by p.username")
                .params(q.params()).query(Long.class).list();
        return ids.stream().map(id -> findById(id).orElseThrow()).toList();
    }

    long countVisible(DataScope scope) {
        VisibleQuery q = visible(scope, null);
        return jdbc.sql("select count(*) from person p where " + q.where()).params(q.params()).query(Long.class).single();
    }

    private record VisibleQuery(String where, Map<String, Object> params) {
    }

    /**
     * People visible in a scope: those with at least one membership inside it. The unrestricted scope also sees
     * people without any membership.
     */
    private static VisibleQuery visible(DataScope scope, String text) {
        SqlPredicate inScope = scope.regionPredicate("r.path");
        Map<String, Object> params = new HashMap<>(inScope.params());
        String typed = text == null ? "" : text.trim();
        params.put("text", typed.isEmpty() ? "" : LikePattern.contains(typed));
        String where = "(:text = '' or p.username ilike :text or p.display_name ilike :text) "
                + "and (exists (select 1 from membership m join region r on r.code = m.region_code "
                + "where m.person_id = p.id and " + inScope.sql() + ")"
                + (scope.unrestricted() ? " or not exists (select 1 from membership m where m.person_id = p.id)" : "")
                + ")";
        return new VisibleQuery(where, params);
    }

    long insert(String username, String displayName, String passwordHash, boolean mustChange, boolean system) {
        return jdbc.sql("""
                insert into person (username, display_name, password_hash, must_change_password, system_account,
                                    password_changed_at)
                values (:u, :d, :h, :m, :s, now()) returning id
                """).param("u", username).param("d", displayName).param("h", passwordHash).param("m", mustChange)
                .param("s", system).query(Long.class).single();
    }

    long insertMembership(long personId, long departmentId, Role role, String regionCode, Set<Dimension> dimensions,
            String enterpriseUscc, boolean actingFor) {
        long id = jdbc.sql("""
                insert into membership (person_id, department_id, role, region_code, dimensions, enterprise_uscc, acting_for)
                values (:p, :d, :role, :region, cast(:dims as varchar[]), :uscc, :acting) returning id
                """).param("p", personId).param("d", departmentId).param("role", role.name())
                .param("region", regionCode).param("dims", toArrayLiteral(dimensions)).param("uscc", enterpriseUscc)
                .param("acting", actingFor).query(Long.class).single();
        // a session holds the roles and scope it was opened with: it must not outlive a change of them
        endSessions(personId);
        return id;
    }

    int deleteMembership(long personId, long membershipId) {
        int deleted = jdbc.sql("delete from membership where id = :id and person_id = :p").param("id", membershipId)
                .param("p", personId).update();
        endSessions(personId);
        return deleted;
    }

    void updatePassword(long personId, String hash, boolean mustChange) {
        jdbc.sql("""
                update person set password_hash = :h, must_change_password = :m, password_changed_at = now(),
                                  security_version = security_version + 1
                where id = :id
                """)
                .param("h", hash).param("m", mustChange).param("id", personId).update();
    }

    void markDemo(long personId) {
        jdbc.sql("update person set demo_account = true where id = :id").param("id", personId).update();
    }

    /** Disables every enabled demo account; returns their ids and usernames. */
    List<Map<String, Object>> disableDemoAccounts() {
        return jdbc.sql("""
                update person set enabled = false, security_version = security_version + 1
                where demo_account and enabled returning id, username
                """)
                .query().listOfRows();
    }

    void updateEmail(long personId, String email) {
        jdbc.sql("update person set email = :e where id = :id").param("e", email).param("id", personId).update();
    }

    void setEnabled(long personId, boolean enabled) {
        jdbc.sql("update person set enabled = :e, security_version = security_version + 1 where id = :id")
                .param("e", enabled).param("id", personId).update();
    }

    /** Adds a failure; returns the new count. Done in SQL so that parallel attempts are all counted. */
    int addFailure(long personId) {
        return jdbc.sql("update person set failed_attempts = failed_attempts + 1 where id = :id returning failed_attempts")
                .param("id", personId).query(Integer.class).single();
    }

    void lock(long personId, Instant until) {
        jdbc.sql("""
                update person set locked_until = :until, failed_attempts = 0, security_version = security_version + 1
                where id = :id
                """)
                .param("until", Timestamp.from(until)).param("id", personId).update();
    }

    /** Ends every open session and login token of the person on their next request. */
    void endSessions(long personId) {
        jdbc.sql("update person set security_version = security_version + 1 where id = :id").param("id", personId)
                .update();
    }

    /** What a session must still match on each request; empty when the person no longer exists. */
    Optional<SessionStanding> standing(long personId) {
        return jdbc.sql("select security_version, enabled, locked_until from person where id = :id")
                .param("id", personId)
                .query((rs, n) -> new SessionStanding(rs.getInt("security_version"), rs.getBoolean("enabled"),
                        instant(rs.getTimestamp("locked_until"))))
                .optional();
    }

    record SessionStanding(int securityVersion, boolean enabled, Instant lockedUntil) {
    }

    void unlock(long personId) {
        jdbc.sql("update person set locked_until = null, failed_attempts = 0 where id = :id").param("id", personId).update();
    }

    void recordSuccess(long personId) {
        jdbc.sql("update person set failed_attempts = 0, locked_until = null, last_login_at = now() where id = :id")
                .param("id", personId).update();
    }

    private List<Membership> memberships(long personId) {
        return jdbc.sql(MEMBERSHIP_SQL + " where m.person_id = :p order by m.id").param("p", personId)
                .query((rs, n) -> new Membership(rs.getLong("id"), rs.getLong("department_id"),
                        rs.getString("department_name"), Role.valueOf(rs.getString("role")), rs.getString("region_code"),
                        rs.getString("region_name"), rs.getString("region_path"), dimensions(rs.getArray("dimensions")),
                        rs.getString("enterprise_uscc"), rs.getBoolean("acting_for")))
                .list();
    }

    private static Person person(ResultSet rs, List<Membership> memberships) throws SQLException {
        return new Person(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getInt("failed_attempts"),
                instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("last_login_at")),
                rs.getBoolean("system_account"), instant(rs.getTimestamp("created_at")), memberships,
                rs.getString("email"), rs.getInt("security_version"));
    }

    static Set<Dimension> dimensions(Array array) throws SQLException {
        EnumSet<Dimension> set = EnumSet.noneOf(Dimension.class);
        if (array != null) {
            Arrays.stream((Object[]) array.getArray()).map(Object::toString).map(Dimension::valueOf).forEach(set::add);
        }
        return set;
    }

    static String toArrayLiteral(Set<Dimension> dimensions) {
        return "{" + String.join(",", dimensions.stream().map(Enum::name).sorted().toList()) + "}";
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

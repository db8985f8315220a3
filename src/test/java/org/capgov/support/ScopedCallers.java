package org.capgov.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.shared.Dimension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The callers of the per-module scope tests, each logged in once: the city-wide roles of {@link TestPeople}, the
 * 涪陵 (500102) coordinator, environment officer and district officer, a 天津 (120000) coordinator, and nobody.
 * Counts of audit entries let a test show that a refused change left no trace.
 */
public final class ScopedCallers {

    public static final String ADMIN = "管理员";
    public static final String CITY = "市级统筹";
    public static final String FULING_COORDINATOR = "涪陵统筹";
    public static final String CITY_ENVIRONMENT = "市生态环境";
    public static final String FULING_ENVIRONMENT = "涪陵生态环境";
    public static final String DISTRICT = "涪陵区县";
    public static final String OBSERVER = "观察员";
    public static final String GRID = "电网";
    public static final String BANK = "银行";
    public static final String TIANJIN = "天津统筹";
    public static final String ANONYMOUS = "未登录";

    public final Http http;
    private final TestPeople people;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> usernames = new LinkedHashMap<>();

    public ScopedCallers(Http http, TestPeople people) {
        this.http = http;
        this.people = people;
        add(ADMIN, TestPeople.BY_ROLE.get(Role.ADMIN).username(), Role.ADMIN);
        add(CITY, TestPeople.BY_ROLE.get(Role.COORDINATOR).username(), Role.COORDINATOR);
        add(CITY_ENVIRONMENT, TestPeople.BY_ROLE.get(Role.DEPARTMENT_OFFICER).username(), Role.DEPARTMENT_OFFICER);
        add(DISTRICT, TestPeople.BY_ROLE.get(Role.DISTRICT_OFFICER).username(), Role.DISTRICT_OFFICER);
        add(OBSERVER, TestPeople.BY_ROLE.get(Role.OBSERVER).username(), Role.OBSERVER);
        add(GRID, TestPeople.BY_ROLE.get(Role.GRID_COMPANY).username(), Role.GRID_COMPANY);
        add(BANK, TestPeople.BY_ROLE.get(Role.FINANCIAL_INSTITUTION).username(), Role.FINANCIAL_INSTITUTION);
        person(FULING_COORDINATOR, TestPeople.person("sc.fl.coord", "FL-JXW", Role.COORDINATOR, "500102", Set.of(), null));
        person(FULING_ENVIRONMENT, TestPeople.person("sc.fl.env", "FL-STHJJ", Role.DEPARTMENT_OFFICER, "500102",
                Set.of(Dimension.ENVIRONMENT), null));
        person(TIANJIN, TestPeople.person("sc.tj.coord", "TJ-FGW", Role.COORDINATOR, "120000", Set.of(), null));
    }

    private void add(String name, String username, Role role) {
        people.ensure(role);
        usernames.put(name, username);
        tokens.put(name, http.token(username, TestPeople.PASSWORD));
    }

    /** Adds a caller of the test's own (e.g. an enterprise's account, which needs the enterprise first). */
    public ScopedCallers person(String name, org.capgov.identity.NewPerson p) {
        people.ensure(p);
        usernames.put(name, p.username());
        tokens.put(name, http.token(p.username(), TestPeople.PASSWORD));
        return this;
    }

    /** The caller's API token; none for {@link #ANONYMOUS}. */
    public String token(String name) {
        if (ANONYMOUS.equals(name)) {
            return null;
        }
        String t = tokens.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no caller " + name);
        }
        return t;
    }

    public String username(String name) {
        return usernames.get(name);
    }

    /** A browser session of the caller, logged in through the form. */
    public Http browser(int port, String name) {
        Http b = Http.browser(port);
        if (!ANONYMOUS.equals(name)) {
            b.login(usernames.get(name), TestPeople.PASSWORD);
        }
        return b;
    }

    public static long audits(JdbcClient jdbc, String entityType, Object entityId) {
        return jdbc.sql("select count(*) from audit_entry where entity_type = :t and entity_id = :id")
                .param("t", entityType).param("id", String.valueOf(entityId)).query(Long.class).single();
    }
}

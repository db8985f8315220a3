package org.capgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator issues a long-lived token to a grid-company system account, which uses it and then loses it. */
class SystemTokenIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;

    @Test
    void issueUseListAndRevoke() {
        testPeople.ensure(Role.ADMIN);
        Person system = testPeople.ensure(new NewPerson("sys.grid", "国网 接口系统", TestPeople.PASSWORD, "CQ-DLGS",
                Role.GRID_COMPANY, "500000", java.util.Set.of(), null, true));
        Http admin = Http.browser(port);
        admin.login(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD);
        var issued = admin.post("/admin/tokens", Map.of("personId", Long.toString(system.id()), "name", "用电数据接口"));
        assertThat(issued.statusCode()).isEqualTo(302);
        String page = admin.get("/admin/tokens").body();
        Matcher m = Pattern.compile("id=\"issued-token\">(cg_[A-Za-z0-9_-]+)<").matcher(page);
        assertThat(m.find()).as("the new token is shown once").isTrue();
        String token = m.group(1);
        assertThat(admin.get("/admin/tokens").body()).doesNotContain(token).contains("用电数据接口");
        assertThat(jdbc.sql("select expires_at is null from api_token where name = '用电数据接口'").query(Boolean.class)
                .single()).isTrue();

        Http api = Http.api(port);
        assertThat(api.get("/api/v1/me", token).body()).contains("GRID_COMPANY");

        long id = jdbc.sql("select id from api_token where name = '用电数据接口'").query(Long.class).single();
        assertThat(admin.post("/admin/tokens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/me", token).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'api_token' and entity_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void regionsAreNeverDeleted() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from region where code = '500243'").update())
                .rootCause().hasMessageContaining("cannot be deleted");
    }
}

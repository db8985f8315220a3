package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentService;
import org.capgov.registry.StatusChange;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the capacity tests share: the server's port, test people with their tokens and page sessions, and cement
 * works with one clinker kiln created through the registry's services as the platform. USCC bodies start with "Y"
 * (this module's range) and a random number, so tests never meet each other's enterprises.
 */
abstract class CapacityFixtures extends IntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestPeople people;
    @Autowired
    protected EnterpriseService enterprises;
    @Autowired
    protected EquipmentService equipment;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected JsonMapper json;

    /** A client without cookies for the API; fresh for every test. */
    protected Http http;

    @BeforeEach
    void openApiClient() {
        http = Http.api(port);
    }

    /** An API token of the standard test person holding {@code role}. */
    protected String token(Role role) {
        people.ensure(role);
        return http.token(TestPeople.username(role), TestPeople.PASSWORD);
    }

    /** A logged-in page session of the standard test person holding {@code role}. */
    protected Http session(Role role) {
        people.ensure(role);
        Http browser = Http.browser(port);
        browser.login(TestPeople.username(role), TestPeople.PASSWORD);
        return browser;
    }

    static String report(String uscc, String product, String month, String quantity, String unit, String source) {
        return "{\"uscc\":\"" + uscc + "\",\"product\":\"" + product + "\",\"month\":\"" + month + "\",\"quantity\":"
                + quantity + ",\"unit\":\"" + unit + "\",\"source\":\"" + source + "\"}";
    }

    /** Reports {@code quantity} t of clinker for {@code month} as the statistics office; asserts 201. */
    protected void reportClinker(String token, Enterprise e, String month, String quantity) {
        HttpResponse<String> r = http.json("POST", "/api/v1/output", token,
                report(e.uscc(), "CLINKER", month, quantity, "t", "STATISTICS"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** Evaluates the warnings of {@code period} at once; asserts 200. */
    protected JsonNode evaluate(String token, String period) {
        HttpResponse<String> r = http.json("POST", "/api/v1/capacity/warnings/evaluate?period=" + period, token, "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** A cement works in {@code region} with kiln K1 of {@code annualT} t/a clinker commissioned on {@code commissioned}. */
    protected Enterprise cementWorks(String region, long annualT, LocalDate commissioned) {
        String code = Uscc.compose("91", region, "Y" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000)));
        return SystemActor.call(() -> {
            Enterprise e = enterprises.create(new EnterpriseDraft(code, "测试产能水泥有限公司" + code.substring(10), region,
                    List.of("CEMENT"), null, null, null, null, null, null, null, null));
            equipment.create(code, new EquipmentDraft("K1", null, "CEMENT_KILN",
                    Map.of("process", "NSP", "clinker_t_per_d", 3000), "CLINKER", BigDecimal.valueOf(annualT),
                    commissioned, null, null, commissioned));
            return e;
        });
    }

    protected void equipmentStatus(Enterprise e, String status, LocalDate from) {
        SystemActor.call(() -> equipment.changeStatus(e.uscc(), "K1", new StatusChange(status, from, "测试文书", null)));
    }
}

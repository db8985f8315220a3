package org.capgov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Only the owner of a value's source may re-mark it (issue 14, item 14). */
class MeasurementValidityOwnerIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;

    private String token(Role role) {
        people.ensure(role);
        return Http.api(port).token(TestPeople.username(role), TestPeople.PASSWORD);
    }

    private long record(String token, String uscc, String source) {
        HttpResponse<String> r = Http.api(port).json("POST", "/api/v1/measurements", token, "{\"uscc\":\"" + uscc
                + "\",\"metric\":\"electricity_use\",\"value\":12.5,\"unit\":\"万kWh\",\"periodStart\":\"2016-06-01\","
                + "\"periodEnd\":\"2016-06-30\",\"source\":\"" + source + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asLong();
    }

    private int mark(String token, long id) {
        return Http.api(port).json("POST", "/api/v1/measurements/" + id + "/validity", token,
                "{\"validity\":\"INVALID\",\"note\":\"探测\"}").statusCode();
    }

    @Test
    void theGridCompanyCannotInvalidateAnOfficersInspectionButItsOwnReport() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000041");
        String coordinator = token(Role.COORDINATOR);
        String grid = token(Role.GRID_COMPANY);
        long inspection = record(coordinator, e.uscc(), "INSPECTION");
        long gridReport = record(grid, e.uscc(), "SELF_REPORT");

        assertThat(mark(grid, inspection)).isEqualTo(403);
        assertThat(mark(grid, gridReport)).isEqualTo(200);
        assertThat(mark(coordinator, inspection)).isEqualTo(200);
    }

    @Test
    void anEnterpriseCannotInvalidateTheGridCompanysReportOfItsElectricity() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000042");
        people.ensure(TestPeople.person("t.m41.enterprise", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), e.uscc()));
        String own = Http.api(port).token("t.m41.enterprise", TestPeople.PASSWORD);
        long gridReport = record(token(Role.GRID_COMPANY), e.uscc(), "SELF_REPORT");
        long selfReport = record(own, e.uscc(), "SELF_REPORT");

        assertThat(mark(own, gridReport)).isEqualTo(403);
        assertThat(mark(own, selfReport)).isEqualTo(200);
    }
}

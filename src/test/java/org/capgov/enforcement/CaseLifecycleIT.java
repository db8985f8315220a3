package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Whole cases through the API, with the registry following and every step audited and published. */
class CaseLifecycleIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnforcementEvents events;

    CaseFixtures f;

    @BeforeEach
    void setUp() {
        f = new CaseFixtures(Http.api(port), json, people);
    }

    @Test
    void anEnergyCaseIsExtendedOnceThenRectified() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        JsonNode c = f.opened(f.coordinator, uscc, "ENERGY", "2024-08-31", "\"findingId\":null,\"equipmentRef\":null,"
                + "\"deadline\":null,\"document\":\"涪经信监〔2024〕12号\"");
        String id = c.get("id").asString();
        assertThat(id).startsWith("ZG-2024-");
        assertThat(c.get("state").asString()).isEqualTo("NOTICE_ISSUED");
        assertThat(c.get("kind").asString()).isEqualTo("RECTIFICATION");
        assertThat(c.get("deadline").asString()).isEqualTo("2025-02-28");
        assertThat(c.get("department").asString()).isEqualTo("FL-JXW");
        assertThat(c.get("overdue").asBoolean()).isTrue();
        assertThat(c.get("extensionUsed").asBoolean()).isFalse();
        assertThat(c.get("timeline")).hasSize(1);
        assertThat(f.enterpriseStatus(uscc)).isEqualTo("RECTIFYING");

        f.acted(f.coordinator, id, "REQUEST_EXTENSION", "2025-02-01", "\"note\":\"设备改造周期长\"");
        JsonNode granted = f.acted(f.coordinator, id, "GRANT_EXTENSION", "2025-02-10",
                "\"months\":3,\"document\":\"涪经信函〔2025〕3号\"");
        assertThat(granted.get("state").asString()).isEqualTo("NOTICE_ISSUED");
        assertThat(granted.get("deadline").asString()).isEqualTo("2025-05-28");
        assertThat(granted.get("originalDeadline").asString()).isEqualTo("2025-02-28");
        assertThat(granted.get("extensionUsed").asBoolean()).isTrue();

        f.acted(f.coordinator, id, "SUBMIT_RECTIFICATION", "2025-05-20", "\"document\":\"整改报告及附件 附件-2025-17\"");
        JsonNode done = f.acted(f.coordinator, id, "VERIFY_COMPLIANT", "2025-05-28", null);
        assertThat(done.get("state").asString()).isEqualTo("RECTIFIED");
        assertThat(done.get("closedOn").asString()).isEqualTo("2025-05-28");
        assertThat(done.get("overdue").asBoolean()).isFalse();
        assertThat(done.get("allowedActions")).isEmpty();
        assertThat(f.enterpriseStatus(uscc)).isEqualTo("OPERATING");

        List<String> steps = new ArrayList<>();
        done.get("timeline").forEach(e -> steps.add(e.get("toState").asString()));
        assertThat(steps).containsExactly("NOTICE_ISSUED", "EXTENSION_REQUESTED", "NOTICE_ISSUED",
                "RECTIFICATION_SUBMITTED", "RECTIFIED");
        assertThat(done.get("timeline").get(2).get("months").asInt()).isEqualTo(3);
        assertThat(events.of(id)).extracting(CaseTransitioned::action).containsExactly(null,
                CaseAction.REQUEST_EXTENSION, CaseAction.GRANT_EXTENSION, CaseAction.SUBMIT_RECTIFICATION,
                CaseAction.VERIFY_COMPLIANT);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'enforcement_case' and entity_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(5);
        // the registry's own history names the case
        assertThat(jdbc.sql("""
                select count(*) from enterprise_status_history h join enterprise e on e.id = h.enterprise_id
                 where e.uscc = :uscc and h.note like :note""").param("uscc", uscc).param("note", "%" + id + "%")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aFailedRectificationEndsInClosureExitAndAnnouncement() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF, CaseFixtures.CONVERTER);
        String id = f.opened(f.coordinator, uscc, "QUALITY", "2023-03-15", null).get("id").asString();
        assertThat(f.get(f.coordinator, id).get("deadline").asString()).isEqualTo("2023-09-15");
        assertThat(f.get(f.coordinator, id).get("department").asString()).isEqualTo("FL-SCJGJ");

        f.acted(f.coordinator, id, "SUBMIT_RECTIFICATION", "2023-09-01", null);
        assertThat(f.acted(f.coordinator, id, "VERIFY_FAILED", "2023-09-20", null).get("state").asString())
                .isEqualTo("RECTIFICATION_FAILED");
        f.acted(f.coordinator, id, "PROPOSE_CLOSURE", "2023-10-08", "\"document\":\"涪市监〔2023〕88号\"");
        assertThat(f.act(f.coordinator, id, "{\"action\":\"APPROVE_CLOSURE\",\"effectiveDate\":\"2023-10-20\"}")
                .body()).contains("\"field\":\"document\"");
        JsonNode approved = f.acted(f.coordinator, id, "APPROVE_CLOSURE", "2023-10-20",
                "\"document\":\"涪陵府〔2023〕101号\",\"deadline\":\"2024-04-20\"");
        assertThat(approved.get("state").asString()).isEqualTo("CLOSURE_APPROVED");
        assertThat(approved.get("closedByLaw").asBoolean()).isTrue();
        assertThat(approved.get("deadline").asString()).isEqualTo("2024-04-20");
        assertThat(f.enterpriseStatus(uscc)).isEqualTo("CLOSED");

        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2023-11-01",
                "\"measure\":\"POWER_CUT\",\"equipmentRef\":\"BF1\",\"commitment\":true");
        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2023-11-02",
                "\"measure\":\"SEALED\",\"equipmentRef\":\"BF1\",\"dismantleDeadline\":\"2024-03-31\"");
        assertThat(f.equipmentStatus(uscc, "BF1")).isEqualTo("SEALED");
        // a water cut recorded after the sealing does not bring the furnace back
        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2023-11-03", "\"measure\":\"WATER_CUT\",\"equipmentRef\":\"BF1\"");
        assertThat(f.equipmentStatus(uscc, "BF1")).isEqualTo("SEALED");
        // the converter still runs: the on-site check refuses, naming it
        var refused = f.act(f.coordinator, id, "{\"action\":\"VERIFY_EXIT\",\"effectiveDate\":\"2023-11-04\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("CV1").contains("尚未落实退出措施");
        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2023-11-05", "\"measure\":\"DISMANTLED\",\"equipmentRef\":\"CV1\"");
        assertThat(f.equipmentStatus(uscc, "CV1")).isEqualTo("DISMANTLED");
        f.acted(f.coordinator, id, "VERIFY_EXIT", "2023-11-10", null);
        JsonNode announced = f.acted(f.coordinator, id, "ANNOUNCE", "2023-11-15", "\"document\":\"涪陵区政府网站公告\"");
        assertThat(announced.get("state").asString()).isEqualTo("ANNOUNCED");
        assertThat(announced.get("closedOn").asString()).isEqualTo("2023-11-15");
        assertThat(f.enterpriseStatus(uscc)).isEqualTo("EXITED");

        JsonNode measures = announced.get("exitMeasures");
        assertThat(measures).hasSize(4);
        assertThat(measures.get(0).get("equipmentRef").asString()).isEqualTo("BF1");
        assertThat(measures.get(0).get("capacity").decimalValue()).isEqualByComparingTo("300000");
        assertThat(measures.get(0).get("product").asString()).isEqualTo("PIG_IRON");
        assertThat(measures.get(0).get("commitment").asBoolean()).isTrue();
        assertThat(measures.get(1).get("dismantleDeadline").asString()).isEqualTo("2024-03-31");
        assertThat(jdbc.sql("select count(*) from case_exit_measure where case_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void eliminatedEquipmentOpensAnExitCaseWithTheCataloguesDeadline() {
        String uscc = f.enterprise("500102", "CEMENT", CaseFixtures.SHAFT_KILN);
        JsonNode c = f.opened(f.coordinator, uscc, "TECHNOLOGY", "2024-03-01", "\"equipmentRef\":\"K1\"");
        assertThat(c.get("id").asString()).startsWith("TC-2024-");
        assertThat(c.get("kind").asString()).isEqualTo("EXIT");
        assertThat(c.get("state").asString()).isEqualTo("EXIT_ORDERED");
        assertThat(c.get("deadline").asString()).isEqualTo("2015-12-31");
        assertThat(c.get("ruleId").asString()).isEqualTo("CQ2014-ELIM-CEMENT-SHAFT-KILN");
        assertThat(c.get("equipmentRef").asString()).isEqualTo("K1");
        assertThat(c.get("department").asString()).isEqualTo("FL-JXW");
        assertThat(c.get("overdue").asBoolean()).isTrue();
        String id = c.get("id").asString();
        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2024-03-05", "\"measure\":\"DISMANTLED\"");
        f.acted(f.coordinator, id, "VERIFY_EXIT", "2024-03-06", null);
        JsonNode announced = f.acted(f.coordinator, id, "ANNOUNCE", "2024-03-07", null);
        assertThat(announced.get("closedByLaw").asBoolean()).isTrue();
        // the kiln was the enterprise's only equipment: the enterprise has exited
        assertThat(f.enterpriseStatus(uscc)).isEqualTo("EXITED");
        // a city enterprise's building-material technology case goes to 市住房城乡建设委
        String city = f.enterprise("500110", "CEMENT", CaseFixtures.SHAFT_KILN);
        assertThat(f.opened(f.coordinator, city, "TECHNOLOGY", "2024-03-01", "\"equipmentRef\":\"K1\"")
                .get("department").asString()).isEqualTo("CQ-ZFCXJSW");
    }

    @Test
    void aSafetyNoticeStopsProductionAtOnce() {
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        JsonNode c = f.opened(f.coordinator, uscc, "SAFETY", "2024-01-31", null);
        assertThat(c.get("deadline").asString()).isEqualTo("2024-07-31");
        assertThat(c.get("productionStopped").asBoolean()).isTrue();
        assertThat(c.get("department").asString()).isEqualTo("FL-YJJ");
        assertThat(f.enterpriseStatus(uscc)).isEqualTo("SUSPENDED");
        // an energy case opened meanwhile does not lift the stop when it is rectified first
        String energy = f.opened(f.coordinator, uscc, "ENERGY", "2024-02-01", null).get("id").asString();
        f.acted(f.coordinator, energy, "SUBMIT_RECTIFICATION", "2024-03-01", null);
        f.acted(f.coordinator, energy, "VERIFY_COMPLIANT", "2024-03-02", null);
        assertThat(f.enterpriseStatus(uscc)).isEqualTo("SUSPENDED");
        f.acted(f.coordinator, c.get("id").asString(), "SUBMIT_RECTIFICATION", "2024-04-01", null);
        f.acted(f.coordinator, c.get("id").asString(), "VERIFY_COMPLIANT", "2024-04-02", null);
        assertThat(f.enterpriseStatus(uscc)).isEqualTo("OPERATING");
    }
}

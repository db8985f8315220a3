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
        // the converter still runs and the furnace lacks its power units' removal: the on-site check refuses, naming both
        var refused = f.act(f.coordinator, id, "{\"action\":\"VERIFY_EXIT\",\"effectiveDate\":\"2023-11-04\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).get("detail").asString())
                .isEqualTo("以下设备尚未落实退出措施：BF1、CV1（设备 BF1 缺“拆除动力装置”等 1 项）");
        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2023-11-05", "\"measure\":\"DISMANTLED\",\"equipmentRef\":\"CV1\"");
        assertThat(f.equipmentStatus(uscc, "CV1")).isEqualTo("DISMANTLED");
        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2023-11-06",
                "\"measure\":\"POWER_UNIT_REMOVED\",\"equipmentRef\":\"BF1\"");
        f.acted(f.coordinator, id, "VERIFY_EXIT", "2023-11-10", null);
        // seed 001 二、(五) "拆除完毕后，在区政府网站公告": the sealed furnace must be dismantled before the announcement
        var early = f.act(f.coordinator, id, "{\"action\":\"ANNOUNCE\",\"effectiveDate\":\"2023-11-12\","
                + "\"document\":\"涪陵区政府网站公告\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json.readTree(early.body()).get("detail").asString()).contains("BF1").contains("尚未拆除完毕");
        // after the check only the dismantling is still recorded, and the case stays verified
        var sealedAgain = f.act(f.coordinator, id, "{\"action\":\"RECORD_EXIT_MEASURE\",\"effectiveDate\":\"2023-11-13\","
                + "\"measure\":\"POWER_CUT\",\"equipmentRef\":\"BF1\"}");
        assertThat(sealedAgain.statusCode()).isEqualTo(409);
        JsonNode dismantled = f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2023-11-14",
                "\"measure\":\"DISMANTLED\",\"equipmentRef\":\"BF1\"");
        assertThat(dismantled.get("state").asString()).isEqualTo("EXIT_VERIFIED");
        // the announcement names its publication
        assertThat(f.act(f.coordinator, id, "{\"action\":\"ANNOUNCE\",\"effectiveDate\":\"2023-11-15\"}").body())
                .contains("\"field\":\"document\"");
        JsonNode announced = f.acted(f.coordinator, id, "ANNOUNCE", "2023-11-15", "\"document\":\"涪陵区政府网站公告\"");
        assertThat(announced.get("state").asString()).isEqualTo("ANNOUNCED");
        assertThat(announced.get("closedOn").asString()).isEqualTo("2023-11-15");
        assertThat(f.enterpriseStatus(uscc)).isEqualTo("EXITED");

        JsonNode measures = announced.get("exitMeasures");
        assertThat(measures).hasSize(6);
        assertThat(measures.get(0).get("equipmentRef").asString()).isEqualTo("BF1");
        assertThat(measures.get(0).get("capacity").decimalValue()).isEqualByComparingTo("300000");
        assertThat(measures.get(0).get("product").asString()).isEqualTo("PIG_IRON");
        assertThat(measures.get(0).get("commitment").asBoolean()).isTrue();
        assertThat(measures.get(1).get("dismantleDeadline").asString()).isEqualTo("2024-03-31");
        assertThat(jdbc.sql("select count(*) from case_exit_measure where case_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(6);
    }

    /**
     * Seed 001 二、(五) "对落后生产工艺装备应立即断水、断电，拆除动力装置，封存主体设备（生产线），并限时拆除" and its annex "企业向社会
     * 公开承诺不再恢复生产": without the commitment or the dismantling deadline the on-site check is refused, naming what
     * is missing; an item dismantled at once needs nothing more.
     */
    @Test
    void theOnSiteCheckRequiresTheFullSetOfExitMeasuresOfSeed001() {
        String uscc = f.enterprise("500102", "CEMENT", CaseFixtures.SHAFT_KILN);
        String id = f.opened(f.coordinator, uscc, "TECHNOLOGY", "2024-03-01", "\"equipmentRef\":\"K1\"").get("id").asString();
        for (String m : java.util.List.of("WATER_CUT", "POWER_CUT", "POWER_UNIT_REMOVED", "SEALED")) {
            f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2024-03-05", "\"measure\":\"" + m + "\"");
        }
        var noCommitment = f.act(f.coordinator, id, "{\"action\":\"VERIFY_EXIT\",\"effectiveDate\":\"2024-03-06\"}");
        assertThat(noCommitment.statusCode()).isEqualTo(409);
        assertThat(json.readTree(noCommitment.body()).get("detail").asString())
                .isEqualTo("以下设备尚未落实退出措施：K1（设备 K1 缺“企业公开承诺不再恢复生产”等 2 项）");
        // the dismantling itself then completes the set
        f.acted(f.coordinator, id, "RECORD_EXIT_MEASURE", "2024-03-06", "\"measure\":\"DISMANTLED\"");
        assertThat(f.acted(f.coordinator, id, "VERIFY_EXIT", "2024-03-07", null).get("state").asString())
                .isEqualTo("EXIT_VERIFIED");
        // sealed with the commitment and a dismantling deadline: the full set without the dismantling
        String other = f.enterprise("500102", "CEMENT", CaseFixtures.SHAFT_KILN);
        String sealed = f.opened(f.coordinator, other, "TECHNOLOGY", "2024-03-01", "\"equipmentRef\":\"K1\"").get("id").asString();
        f.acted(f.coordinator, sealed, "RECORD_EXIT_MEASURE", "2024-03-05", "\"measure\":\"WATER_CUT\",\"commitment\":true");
        f.acted(f.coordinator, sealed, "RECORD_EXIT_MEASURE", "2024-03-05", "\"measure\":\"POWER_CUT\"");
        f.acted(f.coordinator, sealed, "RECORD_EXIT_MEASURE", "2024-03-05", "\"measure\":\"POWER_UNIT_REMOVED\"");
        var noDeadline = f.act(f.coordinator, sealed, "{\"action\":\"VERIFY_EXIT\",\"effectiveDate\":\"2024-03-06\"}");
        assertThat(json.readTree(noDeadline.body()).get("detail").asString()).contains("“封存主体设备”等 2 项");
        f.acted(f.coordinator, sealed, "RECORD_EXIT_MEASURE", "2024-03-06",
                "\"measure\":\"SEALED\",\"dismantleDeadline\":\"2024-09-30\"");
        assertThat(f.acted(f.coordinator, sealed, "VERIFY_EXIT", "2024-03-07", null).get("state").asString())
                .isEqualTo("EXIT_VERIFIED");
    }

    /**
     * Seed 004 二、(五) "（市经济信息委、市住房城乡建设委按职责分工负责）" with (五)2 "组织对全市建筑工地采用落后生产工艺装备开展集中摸排
     * 整治": an industrial cement maker's technology case stays with 市经济信息委; the construction field goes to
     * 市住房城乡建设委.
     */
    @Test
    void technologyCasesOfCementMakersStayWithTheEconomyCommissionAndBuildingSitesGoToHousingAndConstruction() {
        String cement = f.enterprise("500110", "CEMENT", CaseFixtures.SHAFT_KILN);
        assertThat(f.opened(f.coordinator, cement, "TECHNOLOGY", "2024-03-01", "\"equipmentRef\":\"K1\"")
                .get("department").asString()).isEqualTo("CQ-JXW");
        String glass = f.enterprise("500110", "FLAT_GLASS");
        assertThat(f.opened(f.coordinator, glass, "TECHNOLOGY", "2024-03-01", "\"deadline\":\"2024-09-01\"")
                .get("department").asString()).isEqualTo("CQ-JXW");
        String site = f.enterprise("500110", "CONSTRUCTION");
        assertThat(f.opened(f.coordinator, site, "TECHNOLOGY", "2024-03-01", "\"deadline\":\"2024-09-01\"")
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

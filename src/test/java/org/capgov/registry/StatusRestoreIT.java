package org.capgov.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.capgov.identity.Role;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Status consistency over time (docs/decisions/disclosure-readings.md P2, P3), through the API: re-opening an
 * enterprise brings back exactly the items that its closure stopped, and rows from before the rule are brought into
 * line at start-up, each change in the item's history and the audit trail.
 */
class StatusRestoreIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StatusConsistencyBackfill backfill;
    @Autowired
    Clock clock;

    Http http;
    String coordinator;

    @BeforeEach
    void token() {
        http = Http.api(port);
        testPeople.ensure(Role.COORDINATOR);
        coordinator = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
    }

    @Test
    void reopeningRestoresExactlyTheItemsTheClosureStopped() {
        String uscc = newEnterprise("状态恢复检验钢铁有限公司");
        item(uscc, "BF1", null);
        item(uscc, "BF2", null);
        item(uscc, "BF3", "\"status\":\"IDLE\",\"statusSince\":\"2020-01-01\"");
        LocalDate today = ChinaTime.today(clock);

        assertThat(status(uscc, "CLOSED", today.minusDays(30)).statusCode()).isEqualTo(200);
        assertThat(statusOf(uscc)).containsEntry("BF1", "IDLE").containsEntry("BF2", "IDLE").containsEntry("BF3", "IDLE");
        // an exit measure after the closure: BF2 is sealed, which re-opening does not undo
        assertThat(http.json("POST", "/api/v1/enterprises/" + uscc + "/equipment/BF2/status", coordinator,
                "{\"status\":\"SEALED\",\"effectiveDate\":\"" + today.minusDays(20) + "\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> reopened = status(uscc, "OPERATING", today.minusDays(5));
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);

        Map<String, String> after = statusOf(uscc);
        assertThat(after).containsEntry("BF1", "OPERATING").containsEntry("BF2", "SEALED").containsEntry("BF3", "IDLE");
        List<Map<String, Object>> bf1 = history(uscc, "BF1");
        assertThat(bf1).extracting(h -> h.get("cause")).containsExactly(null, "STOPPED_WITH_ENTERPRISE",
                "RESTORED_WITH_ENTERPRISE");
        assertThat(bf1.get(2).get("effective_from").toString()).isEqualTo(today.minusDays(5).toString());
        assertThat(bf1.get(1).get("effective_to").toString()).isEqualTo(today.minusDays(5).toString());
        assertThat(bf1.get(2).get("note").toString()).contains("恢复生产");
        assertThat(bf1.get(2).get("effective_to")).isNull();
        assertThat(audited(uscc + "/BF1")).hasSize(2).last().asString().contains("RESTORED_WITH_ENTERPRISE");
        assertThat(audited(uscc + "/BF3")).isEmpty();
        // the history read through the API shows the restore with its note
        assertThat(http.get("/api/v1/enterprises/" + uscc + "/equipment/BF1/history", coordinator).body())
                .contains("随企业停用的设备恢复生产");
    }

    @Test
    void suspendedRestoresNothingUntilTheEnterpriseProducesAgain() {
        String uscc = newEnterprise("停产恢复检验钢铁有限公司");
        item(uscc, "BF1", null);
        LocalDate today = ChinaTime.today(clock);
        assertThat(status(uscc, "EXITED", today.minusDays(30)).statusCode()).isEqualTo(200);
        assertThat(status(uscc, "SUSPENDED", today.minusDays(20)).statusCode()).isEqualTo(200);
        assertThat(statusOf(uscc)).containsEntry("BF1", "IDLE");
        assertThat(status(uscc, "RECTIFYING", today.minusDays(10)).statusCode()).isEqualTo(200);
        assertThat(statusOf(uscc)).containsEntry("BF1", "OPERATING");
    }

    @Test
    void rowsFromBeforeTheRuleAreBroughtIntoLineAndCanBeRestored() {
        String uscc = newEnterprise("旧数据回填检验钢铁有限公司");
        item(uscc, "BF1", null);
        item(uscc, "BF2", "\"status\":\"POWER_CUT\",\"statusSince\":\"2021-01-01\"");
        LocalDate closedOn = ChinaTime.today(clock).minusDays(40);
        // as a registry recorded before the rule held it: closed, with an item still in production
        jdbc.sql("update enterprise set status = 'CLOSED', status_since = :d where uscc = :u")
                .param("d", closedOn).param("u", uscc).update();

        assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);

        assertThat(statusOf(uscc)).containsEntry("BF1", "IDLE").containsEntry("BF2", "POWER_CUT");
        List<Map<String, Object>> bf1 = history(uscc, "BF1");
        assertThat(bf1.get(bf1.size() - 1)).containsEntry("cause", "STOPPED_WITH_ENTERPRISE")
                .containsEntry("recorded_by", "system");
        assertThat(bf1.get(bf1.size() - 1).get("effective_from").toString()).isEqualTo(closedOn.toString());
        assertThat(audited(uscc + "/BF1")).hasSize(1);
        assertThat(backfill.backfill()).as("a second pass finds nothing of this enterprise").isZero();

        assertThat(status(uscc, "OPERATING", null).statusCode()).isEqualTo(200);
        assertThat(statusOf(uscc)).containsEntry("BF1", "OPERATING").containsEntry("BF2", "POWER_CUT");
    }

    @Test
    void twoChangesOnOneDayLeaveOneStatusRunningToThisDay() {
        String uscc = newEnterprise("同日两次变更检验钢铁有限公司");
        item(uscc, "BF1", null);
        LocalDate day = ChinaTime.today(clock).minusDays(3);
        assertThat(status(uscc, "CLOSED", day).statusCode()).isEqualTo(200);
        assertThat(status(uscc, "RECTIFYING", day).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("""
                select count(*) from enterprise_status_history h join enterprise e on e.id = h.enterprise_id
                where e.uscc = :u and h.effective_to is null""").param("u", uscc).query(Long.class).single())
                .as("open enterprise statuses").isEqualTo(1);
        assertThat(history(uscc, "BF1").stream().filter(h -> h.get("effective_to") == null).toList())
                .as("open item statuses").hasSize(1).first().satisfies(h -> assertThat(h).containsEntry("status", "OPERATING"));
    }

    private String newEnterprise(String name) {
        String uscc = Uscc.compose("91", "500102", "KR" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
        HttpResponse<String> r = http.json("POST", "/api/v1/enterprises", coordinator,
                "{\"uscc\":\"" + uscc + "\",\"name\":\"" + name + uscc.substring(12) + "\",\"region\":\"500102\","
                        + "\"industries\":[\"STEEL\"],\"statusSince\":\"2015-01-01\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return uscc;
    }

    private void item(String uscc, String code, String status) {
        HttpResponse<String> r = http.json("POST", "/api/v1/enterprises/" + uscc + "/equipment", coordinator,
                "{\"code\":\"" + code + "\",\"type\":\"BLAST_FURNACE\",\"parameters\":{\"volume_m3\":450,"
                        + "\"purpose\":\"GENERAL\"},\"product\":\"PIG_IRON\",\"annualCapacity\":400000,"
                        + "\"commissioned\":\"2010-05-01\"" + (status == null ? "" : "," + status) + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private HttpResponse<String> status(String uscc, String status, LocalDate date) {
        return http.json("POST", "/api/v1/enterprises/" + uscc + "/status", coordinator,
                "{\"status\":\"" + status + "\"" + (date == null ? "" : ",\"effectiveDate\":\"" + date + "\"")
                        + ",\"note\":\"检验\"}");
    }

    private Map<String, String> statusOf(String uscc) {
        Map<String, String> out = new java.util.TreeMap<>();
        jdbc.sql("select q.code, q.status from equipment q join enterprise e on e.id = q.enterprise_id where e.uscc = :u")
                .param("u", uscc).query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    private List<Map<String, Object>> history(String uscc, String code) {
        return jdbc.sql("""
                select h.* from equipment_status_history h join equipment q on q.id = h.equipment_id
                join enterprise e on e.id = q.enterprise_id where e.uscc = :u and q.code = :c
                order by h.effective_from, h.id""").param("u", uscc).param("c", code).query().listOfRows();
    }

    private List<String> audited(String entityId) {
        return jdbc.sql("select coalesce(after_state, '') from audit_entry where entity_type = 'equipment' "
                + "and entity_id = :id and action = 'UPDATE' order by id").param("id", entityId).query(String.class).list();
    }
}

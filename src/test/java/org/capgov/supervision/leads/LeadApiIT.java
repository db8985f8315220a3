package org.capgov.supervision.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import java.time.Clock;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.Dimension;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leads and the problem register over the API: a lead of every matter of the public form is routed to the 涪陵
 * department of that duty (reading S7); a safety lead goes end to end through the API (verified and registered by
 * the emergency bureau: registry entry, case and problem; the problem rectified by the bureau and closed by the
 * city); an energy lead is closed with a reason; the reporter's contact is read only by the handling department and
 * never reaches the audit trail; bad input is a Chinese problem+json naming the field and changes nothing; the list
 * pages with the shared filters.
 */
class LeadApiIT extends IntegrationTest {

    private static final String TAG = "接口测试" + (System.nanoTime() % 1_000_000);
    private static final String CONTACT = "139" + String.format("%08d", System.nanoTime() % 100_000_000);

    @LocalServerPort
    int port;
    @Autowired
    PublicLeadService leads;
    @Autowired
    TestPeople people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    private Lead submit(String matter, String address) {
        return SystemActor.call(() -> leads.submit(new PublicLeadService.Submission(matter, "500102",
                address + "（" + TAG + "）", null, null, "有人在此违规生产。", CONTACT, null), List.of(),
                "api-test-" + System.nanoTime()));
    }

    @Test
    void everyMatterGoesToItsDepartmentAndASafetyLeadRunsItsWholeLifeOverTheApi() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("SUBSTANDARD_STEEL", "FL-FGW");
        expected.put("BACKWARD_EQUIPMENT", "FL-FGW");
        expected.put("ILLEGAL_CAPACITY", "FL-FGW");
        expected.put("POLLUTION", "FL-STHJJ");
        expected.put("ENERGY", "FL-JXW");
        expected.put("QUALITY", "FL-SCJGJ");
        expected.put("SAFETY", "FL-YJJ");
        expected.put("OTHER", "FL-QZF");
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(LeadPolicies.MATTERS);
        Map<String, Lead> byMatter = new LinkedHashMap<>();
        int n = 0;
        for (var e : expected.entrySet()) {
            // the address becomes the problem's title, read on pages: no codes in it
            Lead l = submit(e.getKey(), "涪陵区某村第" + (++n) + "号");
            assertThat(l.departmentCode()).as(e.getKey()).isEqualTo(e.getValue());
            byMatter.put(e.getKey(), l);
        }

        people.ensure(TestPeople.person("lapi.safety", "FL-YJJ", Role.DEPARTMENT_OFFICER, "500102",
                Set.of(Dimension.SAFETY), null));
        people.ensure(TestPeople.person("lapi.energy", "FL-JXW", Role.DEPARTMENT_OFFICER, "500102",
                Set.of(Dimension.ENERGY, Dimension.TECHNOLOGY), null));
        people.ensure(Role.COORDINATOR);
        Http http = Http.api(port);
        String safety = http.token("lapi.safety", TestPeople.PASSWORD);
        String energy = http.token("lapi.energy", TestPeople.PASSWORD);
        String city = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);

        Lead s = byMatter.get("SAFETY");
        String path = "/api/v1/supervision/leads/" + s.trackingNo();
        // the contact: the handling bureau reads it, the city coordinator does not
        assertThat(lead(http.get(path, safety)).get("contact").asString()).isEqualTo(CONTACT);
        assertThat(lead(http.get(path, city)).get("contact").isNull()).isTrue();
        // another bureau of 涪陵 neither reads it in its list nor acts on it
        assertThat(http.get(path, energy).statusCode()).isEqualTo(404);
        assertThat(http.json("POST", path + "/verify", energy, "{}").statusCode()).isEqualTo(404);

        // bad input: problem+json in Chinese naming the field; nothing changes
        String before = row(s.trackingNo());
        HttpResponse<String> early = http.json("POST", path + "/register", safety,
                "{\"uscc\":\"91500102MA5UAPI01X\",\"deadline\":\"2027-06-30\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        HttpResponse<String> badState = http.get("/api/v1/supervision/leads?state=DONE", safety);
        problem(badState, "state");
        HttpResponse<String> badMatter = http.get("/api/v1/supervision/leads?matter=NOISE", safety);
        problem(badMatter, "matter");
        assertThat(row(s.trackingNo())).isEqualTo(before);

        JsonNode verified = json.readTree(ok(http.json("POST", path + "/verify", safety,
                "{\"version\":" + s.version() + ",\"note\":\"已派员现场核实\"}")));
        assertThat(verified.get("lead").get("state").asString()).isEqualTo("VERIFYING");
        assertThat(verified.get("allowed").toString()).contains("REGISTER").contains("CLOSE");
        String verifying = row(s.trackingNo());
        HttpResponse<String> badDate = http.json("POST", path + "/register", safety,
                "{\"uscc\":\"91500102MA5UAPI01X\",\"name\":\"无名作坊\",\"deadline\":\"2027-13-45\"}");
        problem(badDate, "deadline");
        HttpResponse<String> noCode = http.json("POST", path + "/register", safety, "{\"deadline\":\"2027-06-30\"}");
        problem(noCode, "uscc");
        assertThat(row(s.trackingNo())).isEqualTo(verifying);

        String uscc = Uscc.compose("92", "500102", "7A" + String.format("%06d", System.nanoTime() % 1_000_000));
        HttpResponse<String> registered = http.json("POST", path + "/register", safety, "{\"uscc\":\"" + uscc
                + "\",\"name\":\"涪陵区无证小冶炼作坊" + TAG + "\",\"industry\":\"STEEL\",\"deadline\":\""
                + ChinaTime.today(clock).plusMonths(3) + "\","
                + "\"document\":\"涪应急〔2026〕1号\",\"reply\":\"经核实，已立案查处\"}");
        JsonNode reg = json.readTree(ok(registered)).get("lead");
        assertThat(reg.get("state").asString()).isEqualTo("REGISTERED");
        assertThat(reg.get("uscc").asString()).isEqualTo(uscc);
        assertThat(reg.get("caseId").asString()).isNotBlank();
        long problem = reg.get("problemId").asLong();
        assertThat(jdbc.sql("select count(*) from enterprise where uscc = :u").param("u", uscc).query(Long.class)
                .single()).isEqualTo(1);

        // the problem: assigned to the bureau with the case's deadline; rectified by it, closed by the city
        String p = "/api/v1/supervision/problems/" + problem;
        JsonNode assigned = json.readTree(ok(http.get(p, safety)));
        assertThat(assigned.get("problem").get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("problem").get("departmentCode").asString()).isEqualTo("FL-YJJ");
        assertThat(assigned.get("problem").get("listCode").asString()).isEqualTo("SAFETY");
        assertThat(http.json("POST", p + "/rectify", energy, "{}").statusCode()).isEqualTo(404);
        assertThat(http.json("POST", p + "/close", safety, "{\"note\":\"自行销号\"}").statusCode()).isEqualTo(403);
        ok(http.json("POST", p + "/rectify", safety, "{\"note\":\"已停产拆除\"}"));
        problem(http.json("POST", p + "/close", city, "{\"note\":\" \"}"), "note");
        JsonNode closed = json.readTree(ok(http.json("POST", p + "/close", city, "{\"note\":\"设备已拆除，现场复核无误\"}")));
        assertThat(closed.get("problem").get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("events").size()).isEqualTo(4);
        assertThat(http.json("POST", p + "/assign", city, "{\"department\":\"FL-YJJ\",\"deadline\":\"2027-01-01\"}")
                .statusCode()).isEqualTo(409);
        JsonNode listed = json.readTree(ok(http.get("/api/v1/supervision/problems?list=SAFETY&state=CLOSED&size=200",
                safety)));
        assertThat(listed.get("items").toString()).contains("\"id\":" + problem);

        // an energy lead closed by 涪陵's economy commission with the reason the reporter reads
        Lead e = byMatter.get("ENERGY");
        String ePath = "/api/v1/supervision/leads/" + e.trackingNo();
        problem(http.json("POST", ePath + "/close", energy, "{\"reply\":\"\"}"), "reply");
        assertThat(json.readTree(ok(http.json("POST", ePath + "/close", energy,
                "{\"reply\":\"经核查，该点为合规储能站\"}"))).get("lead").get("state").asString()).isEqualTo("CLOSED");
        assertThat(Http.browser(port).get("/public/leads/" + e.trackingNo()).body()).contains("经核查，该点为合规储能站")
                .doesNotContain(CONTACT);

        // the contact is nowhere in the audit trail
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'supervision_lead'"
                + " and (coalesce(before_state::text, '') || coalesce(after_state::text, '') || coalesce(summary, ''))"
                + " like :c").param("c", "%" + CONTACT + "%").query(Long.class).single()).isZero();
    }

    @Test
    void theLeadListPagesWithTheSharedFilters() {
        for (int i = 0; i < 26; i++) {
            submit("OTHER", "涪陵区分页测试点" + i);
        }
        people.ensure(Role.ADMIN);
        Http http = Http.api(port);
        String admin = http.token(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD);
        long total = jdbc.sql("select count(*) from supervision_lead").query(Long.class).single();
        JsonNode first = json.readTree(ok(http.get("/api/v1/supervision/leads?size=25&page=0", admin)));
        JsonNode second = json.readTree(ok(http.get("/api/v1/supervision/leads?size=25&page=1", admin)));
        assertThat(first.get("total").asLong()).isEqualTo(total);
        assertThat(first.get("items").size()).isEqualTo(25);
        assertThat(second.get("items").size()).isEqualTo((int) Math.min(25, total - 25));
        Set<String> seen = new HashSet<>();
        for (JsonNode n : first.get("items")) {
            seen.add(n.get("trackingNo").asString());
        }
        for (JsonNode n : second.get("items")) {
            assertThat(seen.add(n.get("trackingNo").asString())).isTrue();
        }
        // an unknown size gives the default; a malformed page the first
        assertThat(json.readTree(ok(http.get("/api/v1/supervision/leads?size=7&page=x", admin))).get("size").asInt())
                .isEqualTo(50);
        long others = jdbc.sql("select count(*) from supervision_lead where matter = 'OTHER'").query(Long.class)
                .single();
        assertThat(json.readTree(ok(http.get("/api/v1/supervision/leads?matter=other", admin))).get("total").asLong())
                .isEqualTo(others);

        Http page = Http.browser(port);
        page.login(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD);
        String second25 = page.get("/supervision/leads?size=25&page=1").body();
        assertThat(second25).contains("id=\"page-previous\"").contains("共 " + total + " 条线索");
        assertThat(page.get("/supervision/leads?matter=NOISE").body()).contains("举报事项“NOISE”无效");
    }

    private JsonNode lead(HttpResponse<String> r) {
        return json.readTree(ok(r)).get("lead");
    }

    private static String ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private void problem(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode n = json.readTree(r.body());
        assertThat(n.get("field").asString()).isEqualTo(field);
        assertThat(n.get("detail").asString().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)).isTrue();
    }

    private String row(String trackingNo) {
        return jdbc.sql("select to_jsonb(l)::text from supervision_lead l where tracking_no = :t")
                .param("t", trackingNo).query(String.class).single();
    }
}

package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.capgov.identity.Role;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.TestPeople;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Enterprises, retired equipment, accounts and issuances for the ledger tests, through the real API. */
final class LedgerFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** A body prefix per JVM run, so that a re-used database never sees the same code twice. */
    private static final String RUN = String.format("%03d", System.nanoTime() % 1000);

    final Http http;
    final JsonMapper json;
    /** An administrator's token: registers in any region, acts for any account. */
    final String admin;
    /** A coordinator's token, for the enforcement cases behind exits. */
    final String caseOfficer;

    LedgerFixtures(Http http, JsonMapper json, TestPeople people) {
        this.http = http;
        this.json = json;
        people.ensure(Role.ADMIN);
        people.ensure(Role.COORDINATOR);
        this.caseOfficer = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        this.admin = http.token(TestPeople.username(Role.ADMIN), TestPeople.PASSWORD);
    }

    static String converter(String code, long capacity) {
        return "{\"code\":\"" + code + "\",\"type\":\"CONVERTER\",\"parameters\":{\"nominal_t\":120},"
                + "\"product\":\"CRUDE_STEEL\",\"annualCapacity\":" + capacity + ",\"commissioned\":\"2010-05-01\"}";
    }

    /** A new steel enterprise in {@code region} with the given equipment, registered by an administrator (any region). */
    String enterprise(String region, String... equipment) {
        String body = "L" + RUN + String.format("%04d", SEQUENCE.incrementAndGet());
        String uscc = Uscc.compose("91", region, body);
        HttpResponse<String> r = http.json("POST", "/api/v1/enterprises", admin, "{\"uscc\":\"" + uscc
                + "\",\"name\":\"指标测试企业" + body + "\",\"region\":\"" + region
                + "\",\"industries\":[\"STEEL\"],\"statusSince\":\"2010-01-01\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        for (String e : equipment) {
            HttpResponse<String> q = http.json("POST", "/api/v1/enterprises/" + uscc + "/equipment", admin, e);
            assertThat(q.statusCode()).as(q.body()).isEqualTo(201);
        }
        return uscc;
    }

    void dismantle(String uscc, String code) {
        HttpResponse<String> r = http.json("POST", "/api/v1/enterprises/" + uscc + "/equipment/" + code + "/status",
                admin, "{\"status\":\"DISMANTLED\",\"effectiveDate\":\"2024-05-01\",\"document\":\"涪经信〔2024〕1号\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Issues the capacity of a dismantled equipment item as a voluntary exit; returns the account id it went to. */
    long issueVoluntary(String uscc, String code) {
        HttpResponse<String> r = http.json("POST", "/api/v1/ledger/issuances", admin, "{\"uscc\":\"" + uscc
                + "\",\"equipmentRef\":\"" + code + "\",\"verifiedOn\":\"2024-05-10\",\"document\":\"涪经信核〔2024〕"
                + SEQUENCE.incrementAndGet() + "号\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return account(uscc);
    }

    long account(String uscc) {
        HttpResponse<String> r = http.json("POST", "/api/v1/ledger/accounts", admin, "{\"uscc\":\"" + uscc + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asLong();
    }

    HttpResponse<String> transfer(String token, long from, long to, long quantity, String extra) {
        return http.json("POST", "/api/v1/ledger/transfers", token, "{\"from\":" + from + ",\"to\":" + to
                + ",\"product\":\"CRUDE_STEEL\",\"quantity\":" + quantity + (extra == null ? "" : "," + extra) + "}");
    }

    /** Held units of CRUDE_STEEL in an account, from GET /api/v1/ledger/accounts/{id}. */
    long held(long account) {
        return units(account, "HELD");
    }

    long units(long account, String state) {
        HttpResponse<String> r = http.get("/api/v1/ledger/accounts/" + account, admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        long sum = 0;
        for (JsonNode b : json.readTree(r.body()).get("balances")) {
            if (b.get("product").asString().equals("CRUDE_STEEL") && b.get("state").asString().equals(state)) {
                sum += b.get("units").asLong();
            }
        }
        return sum;
    }

    JsonNode verify() {
        HttpResponse<String> r = http.get("/api/v1/ledger/verify", admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }
}

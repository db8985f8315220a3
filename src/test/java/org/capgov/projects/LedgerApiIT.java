package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Set;
import org.capgov.identity.Role;
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

/** The indicator ledger over real HTTP on the embedded database: issuance, trades, rejections, plans, verification. */
class LedgerApiIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    LedgerFixtures f;

    @BeforeEach
    void setUp() {
        f = new LedgerFixtures(Http.api(port), json, testPeople);
    }

    @Test
    void unitsComeOnlyFromAVerifiedExitAndOnlyOnce() {
        String uscc = f.enterprise("500102", LedgerFixtures.converter("CV1", 300000));
        // still operating: no voluntary exit to issue from
        HttpResponse<String> operating = f.http.json("POST", "/api/v1/ledger/issuances", f.admin,
                "{\"uscc\":\"" + uscc + "\",\"equipmentRef\":\"CV1\",\"document\":\"核〔2024〕1号\"}");
        assertThat(operating.statusCode()).as(operating.body()).isEqualTo(409);
        assertThat(operating.body()).contains("尚未拆除动力装置");
        f.dismantle(uscc, "CV1");
        long account = f.issueVoluntary(uscc, "CV1");
        assertThat(f.held(account)).isEqualTo(300000);
        HttpResponse<String> again = f.http.json("POST", "/api/v1/ledger/issuances", f.admin,
                "{\"uscc\":\"" + uscc + "\",\"equipmentRef\":\"CV1\",\"document\":\"核〔2024〕2号\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("不得重复签发");
        JsonNode view = json.readTree(f.http.get("/api/v1/ledger/accounts/" + account, f.admin).body());
        JsonNode source = view.get("unitsBySource").get(0);
        assertThat(source.get("sourceKind").asString()).isEqualTo("VOLUNTARY_EXIT");
        assertThat(source.get("equipmentCode").asString()).isEqualTo("CV1");
        assertThat(source.get("units").asLong()).isEqualTo(300000);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'ledger_transaction' and summary like :s")
                .param("s", "签发置换指标 300000%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void backwardCapacityFromAnEliminationExitCaseIsNoIndicator() {
        String uscc = f.enterprise("500102", """
                {"code":"K1","type":"CEMENT_KILN","parameters":{"process":"SHAFT","clinker_t_per_d":300},"product":"CLINKER",
                 "annualCapacity":90000,"commissioned":"2005-01-01"}""");
        HttpResponse<String> opened = f.http.json("POST", "/api/v1/cases", f.caseOfficer, "{\"uscc\":\"" + uscc
                + "\",\"dimension\":\"TECHNOLOGY\",\"effectiveDate\":\"2024-03-01\",\"equipmentRef\":\"K1\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = json.readTree(opened.body()).get("id").asString();
        String issue = "{\"caseId\":\"" + caseId + "\",\"document\":\"核〔2024〕9号\"}";
        HttpResponse<String> early = f.http.json("POST", "/api/v1/ledger/issuances", f.admin, issue);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("尚未核查");
        act(caseId, "RECORD_EXIT_MEASURE", "2024-03-05", ",\"measure\":\"DISMANTLED\"");
        act(caseId, "VERIFY_EXIT", "2024-03-06", "");
        HttpResponse<String> backward = f.http.json("POST", "/api/v1/ledger/issuances", f.admin, issue);
        assertThat(backward.statusCode()).as(backward.body()).isEqualTo(409);
        assertThat(backward.body()).contains("落后产能").contains("CQ2014-ELIM-CEMENT-SHAFT-KILN");
    }

    private void act(String caseId, String action, String date, String extra) {
        HttpResponse<String> r = f.http.json("POST", "/api/v1/cases/" + caseId + "/actions", f.caseOfficer,
                "{\"action\":\"" + action + "\",\"effectiveDate\":\"" + date + "\"" + extra + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aTradeShowsOnBothAccountsAndARefusedOneIsRecordedWithItsReason() {
        String seller = f.enterprise("500102", LedgerFixtures.converter("CV1", 100000));
        f.dismantle(seller, "CV1");
        long from = f.issueVoluntary(seller, "CV1");
        String buyerUscc = f.enterprise("510100");
        long to = f.account(buyerUscc);
        // the seller's own login trades out of its own account, across regions
        testPeople.ensure(TestPeople.person("t.ledger-" + seller.toLowerCase(), "FL-QZF", Role.ENTERPRISE, "500102",
                Set.of(), seller));
        String sellerToken = f.http.token("t.ledger-" + seller.toLowerCase(), TestPeople.PASSWORD);
        HttpResponse<String> trade = f.transfer(sellerToken, from, to, 40000,
                "\"price\":125.50,\"contract\":\"CQ-SC-2024-001\"");
        assertThat(trade.statusCode()).as(trade.body()).isEqualTo(201);
        assertThat(trade.body()).contains("\"status\":\"COMPLETED\"");
        assertThat(f.held(from)).isEqualTo(60000);
        assertThat(f.held(to)).isEqualTo(40000);
        String buyerView = f.http.get("/api/v1/ledger/accounts/" + to, f.admin).body();
        assertThat(buyerView).contains("\"contract\":\"CQ-SC-2024-001\"").contains("\"price\":125.50");
        // the seller cannot see, let alone move, the buyer's account
        assertThat(f.http.get("/api/v1/ledger/accounts/" + to, sellerToken).statusCode()).isEqualTo(404);
        assertThat(f.transfer(sellerToken, to, from, 1, null).statusCode()).isEqualTo(404);
        // too many units: 409 with the reason, the rejection kept in the log, nothing moved
        long before = jdbc.sql("select count(*) from ledger_transaction where status = 'REJECTED'").query(Long.class).single();
        HttpResponse<String> tooMany = f.transfer(sellerToken, from, to, 60001, null);
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(409);
        assertThat(tooMany.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(tooMany.body()).contains("可用 CRUDE_STEEL 指标 60000，不足 60001");
        assertThat(jdbc.sql("select count(*) from ledger_transaction where status = 'REJECTED'").query(Long.class).single())
                .isEqualTo(before + 1);
        assertThat(f.held(from)).isEqualTo(60000);
        // bad input: 400 naming the field, nothing stored
        long all = jdbc.sql("select count(*) from ledger_transaction").query(Long.class).single();
        assertField(f.transfer(sellerToken, from, to, 0, null), "quantity");
        assertField(f.http.json("POST", "/api/v1/ledger/transfers", sellerToken, "{\"from\":" + from + ",\"to\":" + to
                + ",\"product\":\"GOLD\",\"quantity\":5}"), "product");
        assertField(f.transfer(sellerToken, from, to, 5, "\"price\":10"), "contract");
        assertThat(jdbc.sql("select count(*) from ledger_transaction").query(Long.class).single()).isEqualTo(all);
        assertThat(f.verify().get("ok").asBoolean()).as(f.verify().toString()).isTrue();
    }

    @Test
    void aPlanReservesUnitsThatThenCannotBeTradedAndRetiresThemOnItsAnnouncement() {
        String holder = f.enterprise("500102", LedgerFixtures.converter("CV1", 50000));
        f.dismantle(holder, "CV1");
        long account = f.issueVoluntary(holder, "CV1");
        long other = f.account(f.enterprise("500102"));
        HttpResponse<String> reserved = f.http.json("POST", "/api/v1/ledger/reservations", f.admin,
                "{\"account\":" + account + ",\"product\":\"CRUDE_STEEL\",\"quantity\":30000,\"plan\":\"FA-2024-01\"}");
        assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(201);
        assertThat(f.held(account)).isEqualTo(20000);
        assertThat(f.units(account, "RESERVED")).isEqualTo(30000);
        assertThat(f.transfer(f.admin, account, other, 20001, null).statusCode()).isEqualTo(409);
        HttpResponse<String> retired = f.http.json("POST", "/api/v1/ledger/accounts/" + account + "/plans/FA-2024-01/retire",
                f.admin, "{\"document\":\"川经信公告〔2024〕3号\"}");
        assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
        assertThat(f.units(account, "RESERVED")).isZero();
        assertThat(f.held(account)).isEqualTo(20000);
        // retired units are final: the database itself refuses to move them
        assertThatThrownBy(() -> jdbc.sql("update ledger_unit_block set account_id = :a where state = 'RETIRED'")
                .param("a", other).update()).hasMessageContaining("retired");
        // and refuses an entry that does not balance, or any change to the log
        assertThatThrownBy(() -> jdbc.sql("update ledger_entry set amount = amount + 1").update())
                .hasMessageContaining("append-only");
        // a refused plan gives its units back
        f.http.json("POST", "/api/v1/ledger/reservations", f.admin,
                "{\"account\":" + account + ",\"product\":\"CRUDE_STEEL\",\"quantity\":5000,\"plan\":\"FA-2024-02\"}");
        assertThat(f.held(account)).isEqualTo(15000);
        HttpResponse<String> released = f.http.json("POST", "/api/v1/ledger/accounts/" + account
                + "/plans/FA-2024-02/release", f.admin, "{}");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(f.held(account)).isEqualTo(20000);
        JsonNode verified = f.verify();
        assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("problems")).isEmpty();
    }

    @Test
    void theDatabaseKeepsEachBalanceAndVerifyFindsOneThatDisagreesWithTheLog() {
        String holder = f.enterprise("500102", LedgerFixtures.converter("CVB", 40000));
        f.dismantle(holder, "CVB");
        long account = f.issueVoluntary(holder, "CVB");
        long other = f.account(f.enterprise("500102"));
        assertThat(f.transfer(f.admin, account, other, 15000, null).statusCode()).isEqualTo(201);
        assertThat(balance(account)).isEqualTo(25000);
        assertThat(balance(other)).isEqualTo(15000);
        long tx = jdbc.sql("select max(id) from ledger_transaction where from_account = :a").param("a", account)
                .query(Long.class).single();
        long issuance = jdbc.sql("select issuance_id from ledger_entry where transaction_id = :t limit 1").param("t", tx)
                .query(Long.class).single();
        // the database refuses, whatever the application does, entries that would leave a balance below zero or
        // a transaction unbalanced
        assertThatThrownBy(() -> jdbc.sql("""
                insert into ledger_entry (transaction_id, account_id, product, amount, issuance_id, serials)
                values (:t, :from, 'CRUDE_STEEL', -25001, :i, int8range(1, 2)), (:t, :to, 'CRUDE_STEEL', 25001, :i, int8range(1, 2))
                """).param("t", tx).param("from", account).param("to", other).param("i", issuance).update())
                .hasMessageContaining("would hold -1 units");
        assertThatThrownBy(() -> jdbc.sql("""
                insert into ledger_entry (transaction_id, account_id, product, amount, issuance_id, serials)
                values (:t, :to, 'CRUDE_STEEL', 5, :i, int8range(1, 2))
                """).param("t", tx).param("to", other).param("i", issuance).update())
                .hasMessageContaining("does not balance");
        assertThat(balance(account)).isEqualTo(25000);
        // a kept balance changed behind the ledger's back is a problem verify names
        jdbc.sql("update ledger_balance set units = units + 7 where account_id = :a").param("a", other).update();
        try {
            JsonNode tampered = f.verify();
            assertThat(tampered.get("ok").asBoolean()).isFalse();
            assertThat(tampered.get("problems").toString()).contains("账户 " + other + " CRUDE_STEEL：账户余额记为 15007，"
                    + "按交易记录重算为 15000");
        } finally {
            jdbc.sql("update ledger_balance set units = units - 7 where account_id = :a").param("a", other).update();
        }
        assertThat(f.verify().get("ok").asBoolean()).isTrue();
    }

    private long balance(long account) {
        return jdbc.sql("select units from ledger_balance where account_id = :a and product = 'CRUDE_STEEL'")
                .param("a", account).query(Long.class).single();
    }

    private static void assertField(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
    }
}

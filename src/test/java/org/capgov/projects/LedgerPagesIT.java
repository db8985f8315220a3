package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Ledger pages: an enterprise's own account in Chinese labels, and a trade on the public page. */
class LedgerPagesIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;

    @Test
    void aTradeShowsOnBothAccountPagesAndOnThePublicPage() {
        LedgerFixtures f = new LedgerFixtures(Http.api(port), json, testPeople);
        String seller = f.enterprise("500102", LedgerFixtures.converter("CV1", 80000));
        f.dismantle(seller, "CV1");
        long from = f.issueVoluntary(seller, "CV1");
        String buyer = f.enterprise("500101");
        long to = f.account(buyer);
        String contract = "HT-PAGE-" + from;
        assertThat(f.transfer(f.admin, from, to, 30000, "\"price\":88.00,\"contract\":\"" + contract + "\"").statusCode())
                .isEqualTo(201);

        String sellerLogin = "t.ledgerpage-" + seller.toLowerCase();
        testPeople.ensure(TestPeople.person(sellerLogin, "FL-QZF", Role.ENTERPRISE, "500102", Set.of(), seller));
        Http browser = Http.browser(port);
        browser.login(sellerLogin, TestPeople.PASSWORD);
        String own = browser.get("/ledger/accounts/" + from).body();
        assertThat(own).contains("指标测试企业").contains("粗钢").contains("可用").contains("50,000")
                .contains("自愿退出").contains("转让").contains("已完成").contains(contract);
        assertThat(browser.get("/ledger").body()).contains("/ledger/accounts/" + from)
                .doesNotContain("/ledger/accounts/" + to + "\"");
        // another enterprise's account is not shown to this enterprise
        HttpResponse<String> other = browser.get("/ledger/accounts/" + to);
        assertThat(other.statusCode()).isIn(302, 404);

        Http officer = Http.browser(port);
        testPeople.ensure(Role.COORDINATOR);
        officer.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        assertThat(officer.get("/ledger/accounts/" + to).body()).contains("30,000").contains(contract);

        String published = Http.browser(port).get("/public/ledger").body();
        assertThat(published).contains("已完成的指标交易").contains(contract).contains("88.00").contains("30,000")
                .contains("指标测试企业");
    }
}

package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.capgov.shared.Dimension;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each step of a case reaches whoever must act next and the enterprise, in their inboxes: the notice reaches the
 * enterprise; its report reaches the department; a closure proposal reaches the coordinator; the approval reaches
 * the department. Another enterprise of the same district reads none of it.
 */
class CaseNoticesIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;

    @Test
    void everyStepTellsWhoActsNextAndTheEnterprise() {
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String neighbour = f.enterprise("500102", "STEEL");
        people.ensure(CaseFixtures.enterpriseUser(uscc));
        people.ensure(CaseFixtures.enterpriseUser(neighbour));
        people.ensure(CaseFixtures.officer("t.fl-scjgj", "FL-SCJGJ", "500102", Dimension.QUALITY));
        String enterprise = f.token(CaseFixtures.enterpriseUser(uscc).username());
        String other = f.token(CaseFixtures.enterpriseUser(neighbour).username());
        String officer = f.token("t.fl-scjgj");
        String coordinator = f.coordinator;

        String id = f.opened(coordinator, uscc, "QUALITY", "2023-03-15", null).get("id").asString();
        assertThat(notices(f, enterprise, id)).hasSize(1).first().asString()
                .contains("您的案件 " + id, "下一步：企业", "期限 2023-09-15");

        f.acted(enterprise, id, "SUBMIT_RECTIFICATION", "2023-09-01", "\"document\":\"整改报告\"");
        assertThat(notices(f, officer, id)).anySatisfy(n -> assertThat(n).contains("已提交整改报告", "核查企业报送的整改情况"));

        f.acted(officer, id, "VERIFY_FAILED", "2023-09-20", null);
        assertThat(notices(f, officer, id)).anySatisfy(n -> assertThat(n).contains("整改不合格", "提请关停"));
        List<String> beforeProposal = notices(f, coordinator, id);

        f.acted(officer, id, "PROPOSE_CLOSURE", "2023-10-08", "\"document\":\"涪市监〔2023〕88号\"");
        List<String> toCoordinator = notices(f, coordinator, id);
        assertThat(toCoordinator).hasSize(beforeProposal.size() + 1)
                .anySatisfy(n -> assertThat(n).contains("已提请关停", "领导小组办公室", "记录政府批准"));

        f.acted(coordinator, id, "APPROVE_CLOSURE", "2023-10-20",
                "\"document\":\"涪陵府〔2023〕101号\",\"deadline\":\"2024-04-20\"");
        assertThat(notices(f, officer, id)).anySatisfy(n -> assertThat(n).contains("已批准关停", "期限 2024-04-20"));

        // the enterprise heard of every step; its neighbour of none
        assertThat(notices(f, enterprise, id)).hasSize(5);
        assertThat(notices(f, other, id)).isEmpty();
    }

    /** Title and body of the caller's notices about this case. */
    private List<String> notices(CaseFixtures f, String token, String caseId) {
        JsonNode inbox = json.readTree(f.http.get("/api/v1/notifications?limit=100", token).body());
        List<String> out = new ArrayList<>();
        inbox.get("notifications").forEach(n -> {
            if (("/enforcement/cases/" + caseId).equals(n.path("link").asString(""))) {
                out.add(n.get("title").asString() + "\n" + n.get("body").asString());
            }
        });
        return out;
    }
}

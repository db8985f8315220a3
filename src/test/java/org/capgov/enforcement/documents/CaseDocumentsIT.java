package org.capgov.enforcement.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import org.capgov.enforcement.CaseFixtures;
import org.capgov.enforcement.CasePageSession;

/** The notice and the closure decision, downloaded as .docx and read back with POI. */
class CaseDocumentsIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;

    @Test
    void anExitNoticeQuotesTheCatalogueAndNamesTheEnterpriseAndDeadline() {
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102", "CEMENT", CaseFixtures.SHAFT_KILN);
        String id = f.opened(f.coordinator, uscc, "TECHNOLOGY", "2024-03-01",
                "\"equipmentRef\":\"K1\",\"document\":\"涪经信退〔2024〕5号\"").get("id").asString();
        String name = f.get(f.coordinator, id).get("enterpriseName").asString();
        CasePageSession officer = new CasePageSession(port, TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);

        String notice = officer.docx("/enforcement/cases/" + id + "/documents/notice.docx");
        assertThat(notice).contains("限期淘汰退出通知书", "涪经信退〔2024〕5号", name, uscc, "设备 K1", "2015年12月31日",
                "“2015年年底前淘汰全市的机立窑生产线”", "二、（三）2．", "渝府发〔2014〕3号",
                "工信部联产业〔2017〕30号", "涪经信发〔2020〕85号", "2024年3月1日", "案件编号：" + id);
        // no closure has been decided on an exit order
        assertThat(officer.bytes("/enforcement/cases/" + id + "/documents/closure.docx").statusCode()).isEqualTo(409);
    }

    @Test
    void aClosureDecisionTellsTheHistoryAndTheDecision() {
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String id = f.opened(f.coordinator, uscc, "ENERGY", "2024-08-31", "\"document\":\"涪经信监〔2024〕12号\"")
                .get("id").asString();
        f.acted(f.coordinator, id, "REQUEST_EXTENSION", "2025-02-01", null);
        f.acted(f.coordinator, id, "GRANT_EXTENSION", "2025-02-10", "\"months\":3");
        f.acted(f.coordinator, id, "VERIFY_FAILED", "2025-06-02", null);
        CasePageSession officer = new CasePageSession(port, TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        assertThat(officer.bytes("/enforcement/cases/" + id + "/documents/closure.docx").statusCode()).isEqualTo(409);
        f.acted(f.coordinator, id, "PROPOSE_CLOSURE", "2025-06-05", "\"document\":\"涪经信文〔2025〕40号\"");
        f.acted(f.coordinator, id, "APPROVE_CLOSURE", "2025-06-20",
                "\"document\":\"涪陵府〔2025〕77号\",\"deadline\":\"2025-09-30\"");
        String name = f.get(f.coordinator, id).get("enterpriseName").asString();

        String closure = officer.docx("/enforcement/cases/" + id + "/documents/closure.docx");
        assertThat(closure).contains("关停决定", "涪陵府〔2025〕77号", name, uscc, "重庆市涪陵区人民政府",
                "2024年8月31日", "涪经信监〔2024〕12号", "2025年2月28日", "批准延期3个月", "2025年5月28日",
                "逾期未整改", "涪经信文〔2025〕40号", "2025年9月30日前", "依法予以关停退出", "《中华人民共和国节约能源法》",
                "2025年6月20日");
        String notice = officer.docx("/enforcement/cases/" + id + "/documents/notice.docx");
        assertThat(notice).contains("限期整改通知书", name, "2025年2月28日", "不超过3个月的延期申请",
                "2025年2月10日经批准延期3个月，整改期限延至2025年5月28日");
        // an enterprise reads its own documents, nobody else's
        people.ensure(CaseFixtures.enterpriseUser(uscc));
        CasePageSession enterprise = new CasePageSession(port, CaseFixtures.enterpriseUser(uscc).username(),
                TestPeople.PASSWORD);
        assertThat(enterprise.docx("/enforcement/cases/" + id + "/documents/closure.docx")).contains(name);
        String stranger = f.enterprise("500102", "STEEL");
        people.ensure(CaseFixtures.enterpriseUser(stranger));
        CasePageSession other = new CasePageSession(port, CaseFixtures.enterpriseUser(stranger).username(),
                TestPeople.PASSWORD);
        assertThat(other.bytes("/enforcement/cases/" + id + "/documents/notice.docx").statusCode()).isEqualTo(404);
    }
}

package org.capgov.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.shared.ChinaTime;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city's written report (seed 004 四、（三）) over the API, for 重庆市 (500000) three years back, a year no other
 * test reports on: drafted at the city level with the credit, surcharge and target figures each naming its query,
 * 经市政府同意 recorded, submitted to the ministries and accepted; the .docx carries the approval and the appendix.
 * Also the API's refusals of bad input for 督办 / 通报 and 约谈.
 */
class CityAnnualReportIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;
    @Autowired
    AnnualReports reports;

    @Test
    void theCityReportGoesUpTheChainWithEveryFigureNamed() throws Exception {
        people.ensure(Role.COORDINATOR);
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        int year = ChinaTime.today(clock).getYear() - 3;
        HttpResponse<String> drafted = http.json("POST", "/api/v1/supervision/annual-reports", token,
                "{\"region\":\"500000\",\"year\":" + year + "}");
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
        JsonNode r = json.readTree(drafted.body());
        long id = r.get("id").asLong();
        assertThat(r.get("level").asString()).isEqualTo("CITY");
        assertThat(r.get("text").asString()).contains("查询：credit_records").contains("查询：surcharge_billed_yuan")
                .contains("查询：targets_total").contains("查询：targets_met");

        JsonNode one = json.readTree(http.get("/api/v1/supervision/annual-reports/" + id, token).body());
        assertThat(one.get("figures").toString()).contains("surcharge_collected_yuan").contains("pricing_billing")
                .contains("TargetStandings");

        String today = ChinaTime.today(clock).toString();
        HttpResponse<String> early = http.json("POST", "/api/v1/supervision/annual-reports/" + id + "/submit", token,
                "{\"to\":\"工业和信息化部、国家能源局\",\"on\":\"" + today + "\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        HttpResponse<String> approved = http.json("POST", "/api/v1/supervision/annual-reports/" + id + "/approve",
                token, "{\"approval\":\"经市政府同意（市政府常务会议）\",\"on\":\"" + today + "\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        HttpResponse<String> submitted = http.json("POST", "/api/v1/supervision/annual-reports/" + id + "/submit",
                token, "{\"to\":\"工业和信息化部、国家能源局\",\"on\":\"" + today + "\"}");
        assertThat(json.readTree(submitted.body()).get("status").asString()).isEqualTo("SUBMITTED");
        HttpResponse<String> accepted = http.json("POST", "/api/v1/supervision/annual-reports/" + id + "/decision",
                token, "{\"accept\":true}");
        assertThat(json.readTree(accepted.body()).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(http.get("/api/v1/supervision/annual-reports", token).body()).contains("\"id\":" + id);

        byte[] docx = SystemActor.call(() -> reports.docx(id));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("经市政府同意").contains("工业和信息化部").contains("附录")
                    .contains("credit_records").contains("targets_total");
        }

        // bad input: problem+json naming the field, nothing recorded
        HttpResponse<String> kind = http.get("/api/v1/supervision/notices?kind=WEEKLY", token);
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.body()).contains("\"field\":\"kind\"");
        long before = json.readTree(http.get("/api/v1/supervision/interviews", token).body()).get("items").size();
        HttpResponse<String> interview = http.json("POST", "/api/v1/supervision/interviews", token,
                "{\"region\":\"NOSUCH\",\"heldOn\":\"2026-13-01\",\"attendees\":\"\"}");
        assertThat(interview.statusCode()).isEqualTo(400);
        assertThat(interview.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(interview.body()).contains("region");
        assertThat(json.readTree(http.get("/api/v1/supervision/interviews", token).body()).get("items").size())
                .isEqualTo(before);
    }
}

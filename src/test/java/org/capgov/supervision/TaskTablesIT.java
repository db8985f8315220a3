package org.capgov.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
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
 * The seeds' task tables are loaded in full with their citations (22, 16 and 39 rows, and the measures naming
 * departments), mapped to department codes with the unmapped names kept, served by the API's contract; a coordinator's
 * own task is a draft until published, both audited; bad input is refused field by field and changes nothing.
 */
class TaskTablesIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    private List<Task> of(String document) {
        return SystemActor.call(() -> tasks.list(document, null, null, false));
    }

    private static Set<Integer> rows(List<Task> list) {
        Set<Integer> rows = new TreeSet<>();
        list.stream().filter(t -> t.row() != null).forEach(t -> rows.add(t.row()));
        return rows;
    }

    @Test
    void everyRowOfEveryTaskTableIsLoadedWithItsCitation() {
        List<Task> cq = of("渝府发〔2014〕3号");
        assertThat(rows(cq)).hasSize(22).contains(1, 22);
        // rows 10 and 14 have sub-rows with their own departments (merged cells in the seed)
        assertThat(cq).hasSize(25);
        Task first = cq.stream().filter(t -> "CQ2014-T01".equals(t.sourceKey())).findFirst().orElseThrow();
        assertThat(first.title()).isEqualTo("建立工作协作机制");
        assertThat(first.section()).isEqualTo("附件 第1项");
        assertThat(first.lead()).containsExactly("CQ-JXW");
        assertThat(first.cooperating()).contains("CQ-FGW", "CQ-CZJ");
        assertThat(first.deadline().date()).isEqualTo(LocalDate.of(2014, 2, 28));

        List<Task> fl = of("涪经信发〔2020〕85号");
        assertThat(rows(fl)).hasSize(16);
        assertThat(fl.stream().filter(t -> t.sourceKey().startsWith("FL2020-M"))).hasSize(13);
        assertThat(fl).anySatisfy(t -> assertThat(t.unmapped()).contains("各乡镇人民政府"));
        Task chain = fl.stream().filter(t -> "FL2020-R02".equals(t.sourceKey())).findFirst().orElseThrow();
        assertThat(chain.deadline().monthDay()).isEqualTo("01-10");
        assertThat(chain.lead()).containsExactly("FL-LDXZB");

        List<Task> tj = of("天津市贯彻落实国家化解产能严重过剩矛盾指导意见的实施方案");
        assertThat(rows(tj)).hasSize(39);
        assertThat(tj).hasSize(39);
        // 备注 1: the first unit named leads, the others take part
        Task tj3 = tj.stream().filter(t -> Integer.valueOf(39).equals(t.row())).findFirst().orElseThrow();
        assertThat(tj3.lead()).containsExactly("TJ-FGW");
        assertThat(tj3.deadline().recurring()).isTrue();

        assertThat(of("四川省化解产能过剩矛盾促进产业结构调整实施意见")).hasSize(13);
        assertThat(of("重庆市2024年利用综合标准依法依规推动落后产能退出工作实施方案")).hasSize(14);
        for (List<Task> list : List.of(cq, fl, tj)) {
            assertThat(list).allSatisfy(t -> {
                assertThat(t.quote()).isNotBlank();
                assertThat(t.section()).isNotBlank();
            });
        }
    }

    @Test
    void theApiListsADocumentsTasksAsTheContractSays() {
        people.ensure(Role.COORDINATOR);
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        HttpResponse<String> r = http.get("/api/v1/tasks?document="
                + URLEncoder.encode("渝府发〔2014〕3号", StandardCharsets.UTF_8), token);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode items = json.readTree(r.body()).get("items");
        assertThat(items.size()).isEqualTo(25);
        JsonNode item = items.get(0);
        for (String field : List.of("id", "document", "section", "text", "lead", "cooperating", "region", "deadline",
                "recurrence", "status")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(item.get("document").asString()).isEqualTo("渝府发〔2014〕3号");
        assertThat(item.get("lead").isArray()).isTrue();
    }

    @Test
    void aCoordinatorsTaskIsADraftUntilPublishedAndBadInputChangesNothing() {
        people.ensure(Role.COORDINATOR);
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        long before = jdbc.sql("select count(*) from supervision_task").query(Long.class).single();
        HttpResponse<String> bad = http.json("POST", "/api/v1/tasks", token, """
                {"document":"任务表测试文件","section":"一","title":"测试","text":"测试要求","lead":["NO-SUCH"],
                 "region":"500000","deadline":"2026-13-01"}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(bad.body());
        assertThat(problem.get("field").asString()).isEqualTo("lead");
        assertThat(problem.get("detail").asString()).contains("没有这个部门");
        assertThat(jdbc.sql("select count(*) from supervision_task").query(Long.class).single()).isEqualTo(before);

        HttpResponse<String> created = http.json("POST", "/api/v1/tasks", token, """
                {"document":"任务表测试文件","section":"二、（一）","title":"报送测试材料","text":"按季度报送测试材料",
                 "lead":["CQ-JXW"],"cooperating":["CQ-FGW"],"region":"500000","recurrence":"06-30"}""");
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode task = json.readTree(created.body());
        assertThat(task.get("status").asString()).isEqualTo("DRAFT");
        assertThat(task.get("recurrence").asString()).isEqualTo("06-30");
        long id = task.get("id").asLong();
        String list = http.get("/api/v1/tasks?document=" + URLEncoder.encode("任务表测试文件", StandardCharsets.UTF_8),
                token).body();
        assertThat(json.readTree(list).get("items").size()).isZero();
        HttpResponse<String> published = http.json("POST", "/api/v1/tasks/" + id + "/publish", token, "{}");
        assertThat(json.readTree(published.body()).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(http.json("POST", "/api/v1/tasks/" + id + "/publish", token, "{}").statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'supervision_task' and entity_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(2);
    }
}

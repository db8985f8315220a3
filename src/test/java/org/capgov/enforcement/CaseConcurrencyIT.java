package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Two officers act on one case at the same moment: one wins, the other gets 409 and the case shows one step. */
class CaseConcurrencyIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;
    @Autowired
    JsonMapper json;

    @Test
    void twoOfficersAtOnceOneWinsTheOtherGets409() throws Exception {
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        people.ensure(Role.DISTRICT_OFFICER);
        String district = f.token(TestPeople.username(Role.DISTRICT_OFFICER));
        for (int round = 0; round < 3; round++) {
            String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
            String id = f.opened(f.coordinator, uscc, "ENERGY", "2024-08-31", null).get("id").asString();
            f.acted(f.coordinator, id, "REQUEST_EXTENSION", "2024-12-01", null);
            // both read version 1 and decide differently at the same moment
            String grant = "{\"action\":\"GRANT_EXTENSION\",\"effectiveDate\":\"2024-12-05\",\"months\":3,\"version\":1}";
            String deny = "{\"action\":\"DENY_EXTENSION\",\"effectiveDate\":\"2024-12-05\",\"version\":1}";
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<HttpResponse<String>> a = pool.submit(() -> {
                    start.await();
                    return Http.api(port).json("POST", "/api/v1/cases/" + id + "/actions", f.coordinator, grant);
                });
                Future<HttpResponse<String>> b = pool.submit(() -> {
                    start.await();
                    return Http.api(port).json("POST", "/api/v1/cases/" + id + "/actions", district, deny);
                });
                start.countDown();
                List<Integer> statuses = new ArrayList<>(List.of(a.get().statusCode(), b.get().statusCode()));
                assertThat(statuses).as(a.get().body() + " / " + b.get().body()).containsExactlyInAnyOrder(200, 409);
                HttpResponse<String> loser = a.get().statusCode() == 409 ? a.get() : b.get();
                assertThat(loser.body()).contains("已被他人修改");
            } finally {
                pool.shutdown();
            }
            JsonNode after = f.get(f.coordinator, id);
            assertThat(after.get("timeline")).hasSize(3);
            assertThat(after.get("version").asInt()).isEqualTo(2);
            assertThat(after.get("state").asString()).isEqualTo("NOTICE_ISSUED");
        }
    }

    @Test
    void withoutAVersionTheSecondDecisionMeetsTheNewStateAndIsRefused() throws Exception {
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        String id = f.opened(f.coordinator, uscc, "ENERGY", "2024-08-31", null).get("id").asString();
        f.acted(f.coordinator, id, "REQUEST_EXTENSION", "2024-12-01", null);
        String grant = "{\"action\":\"GRANT_EXTENSION\",\"effectiveDate\":\"2024-12-05\",\"months\":3}";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return Http.api(port).json("POST", "/api/v1/cases/" + id + "/actions", f.coordinator, grant);
                }));
            }
            start.countDown();
            assertThat(List.of(calls.get(0).get().statusCode(), calls.get(1).get().statusCode()))
                    .containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        JsonNode after = f.get(f.coordinator, id);
        assertThat(after.get("deadline").asString()).isEqualTo("2025-05-28");
        assertThat(after.get("timeline")).hasSize(3);
    }
}

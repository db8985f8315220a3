package org.capgov.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 1,000 concurrent transfers among 100 accounts over real HTTP, from a bounded pool, then every invariant checked by
 * GET /api/v1/ledger/verify: balances from the log equal the units held, none negative, the units in existence
 * unchanged, every unit in exactly one block. Prints the rate; it asserts no speed (benchmarks are not timed tests).
 */
class LedgerConcurrencyIT extends IntegrationTest {

    static final int ACCOUNTS = 100;
    static final int TRANSFERS = 1000;
    static final int THREADS = 8;
    static final long EACH = 10_000;

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JsonMapper json;

    @Test
    void concurrentTransfersKeepEveryInvariant() throws Exception {
        LedgerFixtures f = new LedgerFixtures(Http.api(port), json, testPeople);
        String source = f.enterprise("500102", LedgerFixtures.converter("CV1", EACH * ACCOUNTS));
        f.dismantle(source, "CV1");
        long sourceAccount = f.issueVoluntary(source, "CV1");
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            long a = f.account(f.enterprise(i % 2 == 0 ? "500102" : "510100"));
            assertThat(f.transfer(f.admin, sourceAccount, a, EACH, null).statusCode()).isEqualTo(201);
            accounts.add(a);
        }
        JsonNode before = f.verify();
        assertThat(before.get("ok").asBoolean()).as(before.toString()).isTrue();

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(2026L + thread);
                    Http http = Http.api(port);
                    for (int i = thread; i < TRANSFERS; i += THREADS) {
                        long from = accounts.get(random.nextInt(ACCOUNTS));
                        long to = accounts.get(random.nextInt(ACCOUNTS));
                        // up to 12,000 of 10,000 held on average: some transfers must be refused (409)
                        HttpResponse<String> r = f.transfer(f.admin, from, to, 1 + random.nextInt(12_000),
                                i % 3 == 0 ? "\"price\":100,\"contract\":\"HT-" + i + "\"" : null);
                        statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("ledger: %d concurrent transfers among %d accounts, %d threads, %.1f s, %.0f transfers/s; "
                + "answers %s%n", TRANSFERS, ACCOUNTS, THREADS, seconds, TRANSFERS / seconds, statuses);

        // only completed (201) or refused with the reason (409): same account, too few units
        assertThat(statuses.keySet()).isSubsetOf(201, 409);
        assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(TRANSFERS);
        assertThat(statuses.get(201).get()).isGreaterThan(TRANSFERS / 2);
        JsonNode after = f.verify();
        assertThat(after.get("ok").asBoolean()).as(after.toString()).isTrue();
        assertThat(after.get("problems")).isEmpty();
        assertThat(after.get("units").asLong()).isEqualTo(before.get("units").asLong());
        assertThat(after.get("transactions").asLong()).isEqualTo(before.get("transactions").asLong() + TRANSFERS);
        long total = 0;
        for (long a : accounts) {
            long held = f.held(a);
            assertThat(held).isNotNegative();
            total += held;
        }
        assertThat(total + f.held(sourceAccount)).isEqualTo(EACH * ACCOUNTS);
    }
}

package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.capgov.shared.ChinaTime;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.MovableClock;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Time passes by moving the one clock: a case's deadline lapses, it reads as overdue and the sweep reports it. */
class DeadlineClockIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    TestPeople people;
    @Autowired
    MovableClock clock;
    @Autowired
    DeadlineSweep sweep;
    @Autowired
    EnforcementEvents events;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void movingTheClockPastTheDeadlineMakesTheCaseOverdueAndTheDailySweepReportsIt() {
        CaseFixtures f = new CaseFixtures(Http.api(port), json, people);
        String uscc = f.enterprise("500102", "STEEL", CaseFixtures.BF);
        LocalDate today = ChinaTime.today(clock);
        LocalDate deadline = today.plusDays(10);
        String id = f.opened(f.coordinator, uscc, "ENVIRONMENT", today.toString(), "\"deadline\":\"" + deadline + "\"")
                .get("id").asString();

        sweep.sweep(ChinaTime.today(clock));
        assertThat(f.get(f.coordinator, id).get("overdue").asBoolean()).isFalse();
        assertThat(events.missed).noneMatch(m -> m.caseId().equals(id));

        clock.moveBy(Duration.ofDays(10));
        assertThat(ChinaTime.today(clock)).isEqualTo(deadline);
        // the API tokens of a moment ago have expired by the same clock: sign in again
        f = new CaseFixtures(Http.api(port), json, people);
        sweep.sweep(ChinaTime.today(clock));
        assertThat(f.get(f.coordinator, id).get("overdue").asBoolean()).as("the deadline day is on time").isFalse();

        clock.moveBy(Duration.ofDays(1));
        f = new CaseFixtures(Http.api(port), json, people);
        assertThat(f.get(f.coordinator, id).get("overdue").asBoolean()).isTrue();
        // the scheduled entry point (once: ShedLock holds its lock for at least a minute) takes today from the clock
        sweep.daily();
        assertThat(events.missed.stream().filter(m -> m.caseId().equals(id))).singleElement()
                .satisfies(m -> assertThat(m.deadline()).isEqualTo(deadline));
        JsonNode c = f.get(f.coordinator, id);
        assertThat(c.get("overdueSince").asString()).isEqualTo(deadline.plusDays(1).toString());
    }
}

package org.capgov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Set;
import org.capgov.support.IntegrationTest;
import org.capgov.support.MovableClock;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whether a person is locked out is decided by the application's clock, so that moving it ends the lock. */
class AccountLockClockIT extends IntegrationTest {

    @Autowired
    MovableClock clock;
    @Autowired
    PersonDetailsService details;
    @Autowired
    TestPeople people;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aLockEndsWhenTheClockPassesItsEnd() {
        Person person = people.ensure(TestPeople.person("alc.locked", "CQ-JXW", Role.OBSERVER, "500000", Set.of(), null));
        jdbc.sql("update person set locked_until = :until where id = :id")
                .param("until", Timestamp.from(clock.instant().plus(Duration.ofMinutes(15)))).param("id", person.id())
                .update();
        try {
            assertThat(details.loadUserByUsername(person.username()).isAccountNonLocked()).isFalse();
            assertThat(details.loadById(person.id()).isAccountNonLocked()).isFalse();
            clock.moveBy(Duration.ofMinutes(16));
            assertThat(details.loadUserByUsername(person.username()).isAccountNonLocked()).isTrue();
            assertThat(details.loadById(person.id()).isAccountNonLocked()).isTrue();
        } finally {
            jdbc.sql("update person set locked_until = null where id = :id").param("id", person.id()).update();
        }
    }

    @Test
    void aLockThatHasNotEndedOnTheMovedClockStillHolds() {
        Person person = people.ensure(TestPeople.person("alc.still", "CQ-JXW", Role.OBSERVER, "500000", Set.of(), null));
        clock.moveBy(Duration.ofDays(2));
        jdbc.sql("update person set locked_until = :until where id = :id")
                .param("until", Timestamp.from(clock.instant().plus(Duration.ofMinutes(5)))).param("id", person.id())
                .update();
        try {
            // by the system clock this lock is two days away from ending; by the application's it ends in 5 minutes
            assertThat(details.loadUserByUsername(person.username()).isAccountNonLocked()).isFalse();
            clock.moveBy(Duration.ofMinutes(6));
            assertThat(details.loadUserByUsername(person.username()).isAccountNonLocked()).isTrue();
        } finally {
            jdbc.sql("update person set locked_until = null where id = :id").param("id", person.id()).update();
        }
    }
}

package org.capgov.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.context.annotation.Import;

/**
 * Integration tests share one application context, and so one embedded PostgreSQL per test JVM, started on a
 * clean data directory under target/, and one {@link MovableClock} that a test may move (and puts back).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@ActiveProfiles("test")
public abstract class IntegrationTest {
}

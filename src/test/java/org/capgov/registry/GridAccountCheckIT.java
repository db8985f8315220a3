package org.capgov.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database's own rule for grid account numbers (V20): 4 to 32 of 0-9, A-Z, a-z and '-', nothing else. */
class GridAccountCheckIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void acceptsExactlyTheNumbersTheRuleDescribes() {
        List<String> good = List.of("1234", "AB-12-cd", "x".repeat(32));
        List<String> bad = List.of("123", "12 34", "户号1234", "1234_5", "12.34", "-ab\n");
        for (String n : good) {
            assertThat(passes(n)).as(n).isTrue();
        }
        for (String n : bad) {
            assertThat(passes(n)).as(n).isFalse();
        }
    }

    private boolean passes(String number) {
        // the constraint's expression evaluated on its own, so no enterprise row is needed
        String check = jdbc.sql("""
                select pg_get_expr(conbin, conrelid) from pg_constraint where conname = 'grid_account_account_no_check'
                """).query(String.class).single();
        return jdbc.sql("select " + check.replace("account_no", ":n::varchar") + " as ok").param("n", number)
                .query(Boolean.class).single();
    }
}

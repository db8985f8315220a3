package org.capgov.registry;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registered affiliates (关联企业) of an enterprise, for sanctions that extend to them (seed 001 三(六): land bidding).
 * An affiliation is recorded on one side but binds both, so either direction counts. Unscoped: the answer names
 * only codes, and the credit check that asks is itself open to banks across the jurisdiction.
 */
@Component
public class RegistryAffiliations {

    private final JdbcClient jdbc;

    RegistryAffiliations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The USCCs of the enterprises affiliated with {@code uscc}, sorted; empty for an unknown code. */
    public List<String> of(String uscc) {
        return jdbc.sql("""
                select o.uscc from enterprise e
                  join enterprise_affiliation f on f.enterprise_id = e.id or f.affiliate_id = e.id
                  join enterprise o on o.id = case when f.enterprise_id = e.id then f.affiliate_id else f.enterprise_id end
                 where e.uscc = :uscc
                 group by o.uscc order by o.uscc
                """).param("uscc", uscc).query(String.class).list();
    }
}

package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.StatusChange;
import org.capgov.identity.SystemActor;
import org.junit.jupiter.api.Test;

/**
 * The stored days in force of each line (capacity_in_force, migration V190) follow every kind of registry write —
 * a new line, a line dismantled, an enterprise exited, an enterprise moved to another district — and equal, for every
 * line in the database, what the status histories give when computed afresh the way the figures did before.
 */
class CapacityInForceIT extends CapacityFixtures {

    // the former per-query computation (docs/decisions/capacity-figures-performance.md)
    private static final String FRESH = """
            select q.id as equipment_id, q.enterprise_id, q.product, e.region_path, q.annual_capacity,
                   datemultirange(daterange(coalesce(q.commissioned, f.first_from), null))
                     - coalesce(x.exits, '{}'::datemultirange) - coalesce(ex.exits, '{}'::datemultirange) as in_force
            from equipment q
            join enterprise e on e.id = q.enterprise_id
            cross join lateral (select min(h.effective_from) as first_from from equipment_status_history h
                                where h.equipment_id = q.id) f
            left join lateral (select range_agg(daterange(h.effective_from, h.effective_to)) as exits
                               from equipment_status_history h
                               where h.equipment_id = q.id and h.status in ('DISMANTLED', 'TRANSFERRED')) x on true
            left join lateral (select range_agg(daterange(s.effective_from, s.effective_to)) as exits
                               from enterprise_status_history s
                               where s.enterprise_id = q.enterprise_id and s.status in ('EXITED', 'DEREGISTERED')) ex on true
            """;

    private String inForce(Enterprise e) {
        return jdbc.sql("select c.in_force::text from capacity_in_force c join equipment q on q.id = c.equipment_id "
                + "where q.enterprise_id = :id").param("id", e.id()).query(String.class).single();
    }

    private String regionPath(Enterprise e) {
        return jdbc.sql("select c.region_path from capacity_in_force c where c.enterprise_id = :id")
                .param("id", e.id()).query(String.class).single();
    }

    @Test
    void theStoredDaysFollowTheRegistryAndEqualTheHistories() {
        Enterprise dismantled = cementWorks("500155", 365_000, LocalDate.of(2010, 1, 1));
        assertThat(inForce(dismantled)).isEqualTo("{[2010-01-01,)}");
        equipmentStatus(dismantled, "DISMANTLED", LocalDate.of(2020, 5, 10));
        assertThat(inForce(dismantled)).isEqualTo("{[2010-01-01,2020-05-10)}");

        Enterprise exited = cementWorks("500155", 200_000, LocalDate.of(2012, 3, 1));
        SystemActor.call(() -> enterprises.changeStatus(exited.uscc(), new StatusChange("EXITED", null, "测试文书", null)));
        String exitDay = jdbc.sql("select status_since::text from enterprise where id = :id").param("id", exited.id())
                .query(String.class).single();
        assertThat(inForce(exited)).isEqualTo("{[2012-03-01," + exitDay + ")}");

        Enterprise moved = cementWorks("500155", 100_000, LocalDate.of(2015, 6, 1));
        assertThat(regionPath(moved)).isEqualTo("/500000/500155/");
        SystemActor.call(() -> enterprises.update(moved.uscc(), new EnterpriseDraft(null, moved.name(), "500156",
                List.of("CEMENT"), null, null, null, null, null, null, null, null)));
        assertThat(regionPath(moved)).isEqualTo("/500000/500156/");

        // every line of the shared database, whatever the other tests wrote to the registry
        long differing = jdbc.sql("select count(*) from (" + FRESH + ") f full join capacity_in_force c "
                + "on c.equipment_id = f.equipment_id where f.equipment_id is null or c.equipment_id is null "
                + "or (f.enterprise_id, f.product, f.region_path, f.annual_capacity, f.in_force) "
                + "is distinct from (c.enterprise_id, c.product, c.region_path, c.annual_capacity, c.in_force)")
                .query(Long.class).single();
        assertThat(differing).isZero();
        assertThat(jdbc.sql("select count(*) from capacity_in_force").query(Long.class).single())
                .isEqualTo(jdbc.sql("select count(*) from equipment").query(Long.class).single());
    }
}

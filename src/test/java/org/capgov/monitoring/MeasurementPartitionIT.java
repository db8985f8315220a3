package org.capgov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Measurements live in monthly partitions (V18): inserts make their months, reads with a date range skip the rest. */
class MeasurementPartitionIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    MeasurementPartitions partitions;
    @Autowired
    MeasurementService measurements;
    @Autowired
    JdbcClient jdbc;

    private String partitionOf(long id) {
        return jdbc.sql("select tableoid::regclass::text from measurement where id = :id").param("id", id)
                .query(String.class).single();
    }

    private String plan(String sql, Object... params) {
        var statement = jdbc.sql("explain " + sql);
        for (int i = 0; i < params.length; i++) {
            statement = statement.param(i + 1, params[i]);
        }
        return String.join("\n", statement.query(String.class).list());
    }

    @Test
    void valuesGoToTheirMonthsPartitionAndDateRangesPruneTheOthers() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000701");
        testPeople.ensure(Role.COORDINATOR);
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        HttpResponse<String> r = http.json("POST", "/api/v1/measurements", token, "{\"items\":["
                + "{\"uscc\":\"" + e.uscc() + "\",\"equipmentCode\":\"BF1\",\"metric\":\"so2_conc\",\"value\":120,"
                + "\"measuredAt\":\"2013-03-05T10:00:00+08:00\",\"source\":\"INSPECTION\"},"
                + "{\"uscc\":\"" + e.uscc() + "\",\"metric\":\"bf_energy\",\"value\":390,\"periodStart\":\"2013-01-01\","
                + "\"periodEnd\":\"2013-04-30\",\"source\":\"ENERGY_AUDIT\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        List<Long> ids = jdbc.sql("select id from measurement where enterprise_id = :e and effective_date < '2014-01-01' "
                + "order by effective_date").param("e", e.id()).query(Long.class).list();
        assertThat(ids).hasSize(2);
        assertThat(partitionOf(ids.get(0))).isEqualTo("measurement_2013_03");
        assertThat(partitionOf(ids.get(1))).isEqualTo("measurement_2013_04");

        // a listing with a date range reads only the months it covers
        String listing = plan("select * from measurement m where m.enterprise_id = ? and m.effective_date >= ? "
                + "and m.effective_date <= ?", e.id(), LocalDate.of(2013, 3, 1), LocalDate.of(2013, 3, 31));
        assertThat(listing).contains("measurement_2013_03").doesNotContain("measurement_2013_04")
                .doesNotContain("measurement_default");
        // the latest values as of a date never read the months after it
        String latest = plan("select * from measurement m where m.enterprise_id = ? and m.validity = 'VALID' "
                + "and m.effective_date <= ?", e.id(), LocalDate.of(2013, 3, 31));
        assertThat(latest).contains("measurement_2013_03").doesNotContain("measurement_2013_04");

        List<LatestMeasurement> asOfMarch = SystemActor.call(() -> measurements.latestValid(e.id(), LocalDate.of(2013, 3, 31)));
        assertThat(asOfMarch).extracting(LatestMeasurement::metric).contains("so2_conc").doesNotContain("bf_energy");
    }

    @Test
    void aMonthLeftInTheDefaultPartitionIsMovedOutByTheMaintenance() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000702");
        // as when a partition could not be made in time: the value lands in the default partition
        long id = jdbc.sql("""
                insert into measurement (enterprise_id, metric, value, unit, period_end, source, recorded_by, effective_date)
                values (:e, 'bf_energy', 401, 'kgce/t', date '1998-07-31', 'ENERGY_AUDIT', 'test', date '1998-07-31')
                returning id""").param("e", e.id()).query(Long.class).single();
        assertThat(partitionOf(id)).isEqualTo("measurement_default");

        assertThat(partitions.maintain()).isGreaterThanOrEqualTo(1);

        assertThat(partitionOf(id)).isEqualTo("measurement_1998_07");
        assertThat(jdbc.sql("select count(*) from measurement_default where effective_date = '1998-07-31'")
                .query(Long.class).single()).isZero();
        // the coming months exist ahead of any insert
        String next = "measurement_" + LocalDate.now().plusMonths(1).toString().substring(0, 7).replace('-', '_');
        assertThat(jdbc.sql("select to_regclass(:t) is not null").param("t", next).query(Boolean.class).single()).isTrue();
    }
}

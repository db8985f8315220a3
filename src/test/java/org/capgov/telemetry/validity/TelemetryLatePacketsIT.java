package org.capgov.telemetry.validity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditSealer;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.MovableClock;
import org.capgov.support.TestPeople;
import org.capgov.telemetry.gateway.TelemetryGateway;
import org.capgov.telemetry.simulator.LoggerSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Late packets over real TCP: fifty minutes of an hour make a valid hourly mean of SO₂ (40 mg/m³) that is fed to the
 * engine as a measurement; the ten missing minutes (100 mg/m³) arrive after the hour and its day were averaged. The
 * next pass computes the hour (50) and the day again, revises the same measurement instead of adding one, and audits
 * it as a system revision with the value before and after.
 */
class TelemetryLatePacketsIT extends IntegrationTest {

    static final String MN = "LATEGAS00000000000000001";

    @Autowired
    TelemetryGateway gateway;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    AggregationService aggregation;
    @Autowired
    TestPeople people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    AuditSealer sealer;
    @LocalServerPort
    int port;

    @Test
    void aLatePacketRevisesItsHourItsDayAndTheMeasurementNotDuplicatingIt() throws Exception {
        people.ensure(Role.COORDINATOR);
        String uscc = Uscc.compose("91", "500102", "T2120175");
        SystemActor.run(() -> {
            enterprises.create(new EnterpriseDraft(uscc, "测试迟到报文水泥有限公司", "500102", List.of("CEMENT"), null, null,
                    null, null, null, null, null, null));
            equipment.create(uscc, new EquipmentDraft("KILN1", null, "CEMENT_KILN", Map.of("process", "NSP",
                    "clinker_t_per_d", 3000), "CLINKER", new BigDecimal("1000000"), LocalDate.of(2012, 5, 1), null, null,
                    null));
        });
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        HttpResponse<String> r = http.json("POST", "/api/v1/telemetry/loggers", token, "{\"mn\":\"" + MN
                + "\",\"password\":\"175175\",\"st\":\"31\",\"uscc\":\"" + uscc + "\",\"equipmentRef\":\"KILN1\","
                + "\"factors\":{\"a21026\":\"so2_conc\"},\"monitoringPoint\":\"STACK\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        // an hour two days ago, so that its day has ended and is averaged in the same pass
        LocalDateTime hour = LocalDateTime.now(clock.withZone(ChinaTime.ZONE)).truncatedTo(ChronoUnit.DAYS).minusDays(2)
                .plusHours(10);
        LoggerSimulator sim = new LoggerSimulator("localhost", gateway.port());
        LoggerSimulator.Outcome first = sim.play(so2(40), hour, 50);
        assertThat(first.replies()).hasSize(50).allMatch(x -> x.contains("CN=9014"));
        aggregation.run();
        long loggerId = jdbc.sql("select id from telemetry_logger where mn = :mn").param("mn", MN).query(Long.class)
                .single();
        Map<String, Object> before = aggregate(loggerId, "HOUR", hour);
        assertThat(((Number) before.get("mean")).doubleValue()).isEqualTo(40.0);
        assertThat(before.get("packets")).isEqualTo(50);
        assertThat(before.get("revision")).isEqualTo(0);
        long measurement = ((Number) before.get("measurement_id")).longValue();
        assertThat(value(measurement)).isEqualByComparingTo("40");
        assertThat(aggregate(loggerId, "DAY", hour.truncatedTo(ChronoUnit.DAYS)).get("revision")).isEqualTo(0);

        // the ten missing minutes arrive late; an ordinary pass finds them
        LoggerSimulator.Outcome late = sim.play(so2(100), hour.plusMinutes(50), 10);
        assertThat(late.replies()).hasSize(10).allMatch(x -> x.contains("CN=9014"));
        AggregationService.Pass pass = aggregation.run();
        assertThat(pass.revised()).isEqualTo(1);
        Map<String, Object> after = aggregate(loggerId, "HOUR", hour);
        assertThat(((Number) after.get("mean")).doubleValue()).isEqualTo(50.0);
        assertThat(after.get("valid_count")).isEqualTo(60);
        assertThat(after.get("packets")).isEqualTo(60);
        assertThat(after.get("revision")).isEqualTo(1);
        // the same measurement, revised: none added
        assertThat(((Number) after.get("measurement_id")).longValue()).isEqualTo(measurement);
        assertThat(value(measurement)).isEqualByComparingTo("50");
        assertThat(jdbc.sql("""
                select count(*) from measurement where source = 'ONLINE_MONITORING' and attributes ->> 'logger_mn' = :mn""")
                .param("mn", MN).query(Long.class).single()).isEqualTo(1L);
        // the day is computed again from the revised hour
        Map<String, Object> day = aggregate(loggerId, "DAY", hour.truncatedTo(ChronoUnit.DAYS));
        assertThat(day.get("revision")).isEqualTo(1);
        assertThat(((Number) day.get("mean")).doubleValue()).isEqualTo(50.0);
        // audited as a system revision, value before and after; and the hour's new set of packets
        sealer.sealNow();
        Map<String, Object> entry = jdbc.sql("""
                select actor, action, before_state::text as b, after_state::text as a from audit_entry
                where entity_type = 'measurement' and action = 'UPDATE' and cast(after_state as jsonb) ->> 'id' = :id""")
                .param("id", Long.toString(measurement)).query().singleRow();
        assertThat(entry.get("actor")).isEqualTo("system");
        assertThat(entry.get("b").toString()).contains("\"40");
        assertThat(entry.get("a").toString()).contains("\"50").contains("迟到报文");
        assertThat(jdbc.sql("""
                select count(*) from audit_entry where entity_type = 'telemetry_batch' and entity_id = :e
                  and action = 'UPDATE'""").param("e", MN + "@" + hour).query(Long.class).single()).isEqualTo(1L);
        // a further pass finds nothing more to revise
        assertThat(aggregation.run().revised()).isZero();
    }

    private static LoggerSimulator.Logger so2(double value) {
        return new LoggerSimulator.Logger(MN, "175175", "31", Map.of("a21026", i -> value), LoggerSimulator.Fault.NONE);
    }

    private Map<String, Object> aggregate(long loggerId, String period, LocalDateTime start) {
        return jdbc.sql("""
                select mean, valid_count, packets, revision, measurement_id from telemetry_aggregate
                where logger_id = :id and factor = 'a21026' and period = :period and period_start = :start""")
                .param("id", loggerId).param("period", period).param("start", java.sql.Timestamp.valueOf(start))
                .query().singleRow();
    }

    private BigDecimal value(long id) {
        return jdbc.sql("select value from measurement where id = :id").param("id", id).query(BigDecimal.class).single();
    }
}

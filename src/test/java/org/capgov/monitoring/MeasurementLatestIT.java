package org.capgov.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.identity.SystemActor;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the evaluation engine reads: the latest VALID value per equipment, metric and attributes as of a date. */
class MeasurementLatestIT extends IntegrationTest {

    @Autowired
    MeasurementService measurements;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;

    private static MeasurementDraft at(String uscc, String equipmentCode, String metric, Object value, String day,
            Map<String, String> attributes) {
        return new MeasurementDraft(uscc, equipmentCode, metric, value, null, day + "T10:00:00+08:00", null, null,
                "INSPECTION", null, attributes, null);
    }

    private static String key(LatestMeasurement m) {
        return m.equipmentCode() + "/" + m.metric() + "/" + m.attributes();
    }

    @Test
    void picksTheNewestValidValuePerEquipmentMetricAndAttributesAsOfADate() {
        Enterprise e = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000101");
        String u = e.uscc();
        List<Measurement> stored = SystemActor.call(() -> measurements.record(List.of(
                at(u, "BF1", "so2_conc", 100, "2016-01-10", null),
                at(u, "BF1", "so2_conc", 200, "2016-06-30", null),
                at(u, "BF1", "so2_conc", 300, "2016-12-31", null), // after the date asked about
                at(u, "BF2", "so2_conc", 50, "2016-03-01", null),
                at(u, "BF2", "so2_conc", 70, "2016-05-01", null), // marked INVALID below
                at(u, null, "fugitive_dust_conc", 5, "2016-02-01", Map.of("workshop", "ENCLOSED")),
                at(u, null, "fugitive_dust_conc", 9, "2016-02-01", Map.of("workshop", "OPEN")),
                at(u, null, "fugitive_dust_conc", 4, "2016-01-01", Map.of("workshop", "enclosed")),
                at(u, null, "req_environmental_equipment", "是", "2016-04-01", null))));
        SystemActor.run(() -> measurements.changeValidity(stored.get(4).id(), "INVALID", "仪器故障"));
        // a suspect value is not used either
        SystemActor.run(() -> measurements.record(new MeasurementDraft(u, "BF1", "so2_conc", 999, null,
                "2016-06-30T11:00:00+08:00", null, null, "SELF_REPORT", "SUSPECT", null, null)));

        List<LatestMeasurement> latest = SystemActor.call(() -> measurements.latestValid(e.id(), LocalDate.of(2016, 7, 1)));
        Map<String, LatestMeasurement> byKey = new LinkedHashMap<>();
        latest.forEach(m -> byKey.put(key(m), m));
        assertThat(byKey).hasSize(5);
        assertThat(byKey.get("BF1/so2_conc/{}").value()).isEqualByComparingTo("200");
        assertThat(byKey.get("BF1/so2_conc/{}").effectiveDate()).isEqualTo(LocalDate.of(2016, 6, 30));
        assertThat(byKey.get("BF2/so2_conc/{}").value()).isEqualByComparingTo("50");
        assertThat(byKey.get("null/fugitive_dust_conc/{workshop=ENCLOSED}").value()).isEqualByComparingTo("5");
        assertThat(byKey.get("null/fugitive_dust_conc/{workshop=OPEN}").value()).isEqualByComparingTo("9");
        LatestMeasurement requirement = byKey.get("null/req_environmental_equipment/{}");
        assertThat(requirement.flag()).isTrue();
        assertThat(requirement.value()).isNull();
        assertThat(requirement.unit()).isNull();
        assertThat(byKey.get("BF1/so2_conc/{}").unit()).isEqualTo("mg/m3");
        assertThat(byKey.get("BF1/so2_conc/{}").equipmentId()).isNotNull();
        assertThat(byKey.get("BF1/so2_conc/{}").source()).isEqualTo("INSPECTION");
        assertThat(latest).allSatisfy(m -> assertThat(m.enterpriseId()).isEqualTo(e.id()));

        // as of the end of the year the December value is the latest; before any value there is nothing
        assertThat(SystemActor.call(() -> measurements.latestValid(e.id(), LocalDate.of(2016, 12, 31))).stream()
                .filter(m -> key(m).equals("BF1/so2_conc/{}")).findFirst().orElseThrow().value()).isEqualByComparingTo("300");
        assertThat(SystemActor.call(() -> measurements.latestValid(e.id(), LocalDate.of(2015, 12, 31)))).isEmpty();
        // outside the caller's scope (nobody logged in): nothing
        assertThat(measurements.latestValid(e.id(), LocalDate.of(2016, 7, 1))).isEmpty();
    }

    @Test
    void streamsEveryEnterpriseInOnePassOrderedByEnterprise() {
        Enterprise a = MeasurementFixtures.steelWorks(enterprises, equipment, "500102", "M9000102");
        Enterprise b = MeasurementFixtures.steelWorks(enterprises, equipment, "500101", "M9000103");
        SystemActor.run(() -> measurements.record(List.of(
                at(b.uscc(), "BF1", "so2_conc", 10, "2016-01-10", null),
                at(a.uscc(), "BF1", "so2_conc", 20, "2016-01-10", null),
                at(a.uscc(), "BF1", "so2_conc", 21, "2016-01-11", null),
                at(a.uscc(), "BF2", "nox_conc", 30, "2016-01-10", null))));
        List<LatestMeasurement> all = new ArrayList<>();
        SystemActor.run(() -> measurements.latestValidForAll(LocalDate.of(2016, 7, 1), all::add));
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).enterpriseId()).isGreaterThanOrEqualTo(all.get(i - 1).enterpriseId());
        }
        List<LatestMeasurement> ofA = all.stream().filter(m -> m.enterpriseId() == a.id()).toList();
        assertThat(ofA).extracting(LatestMeasurement::value).map(v -> v.intValue()).containsExactlyInAnyOrder(21, 30);
        assertThat(all.stream().filter(m -> m.enterpriseId() == b.id()).toList()).singleElement()
                .extracting(m -> m.value().intValue()).isEqualTo(10);
        assertThat(ofA).isEqualTo(SystemActor.call(() -> measurements.latestValid(a.id(), LocalDate.of(2016, 7, 1))));

        Map<Long, List<LatestMeasurement>> grouped = new LinkedHashMap<>();
        SystemActor.run(() -> measurements.latestValidByEnterprise(LocalDate.of(2016, 7, 1), grouped::put));
        assertThat(grouped.get(a.id())).isEqualTo(ofA);
        assertThat(new ArrayList<>(grouped.keySet())).isSorted();
        assertThat(grouped.values().stream().mapToInt(List::size).sum()).isEqualTo(all.size());
    }
}

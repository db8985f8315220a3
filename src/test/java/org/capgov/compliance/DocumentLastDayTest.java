package org.capgov.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.catalog.Catalog;
import org.capgov.catalog.SourceDocument;
import org.capgov.region.AirZone;
import org.capgov.region.Region;
import org.junit.jupiter.api.Test;

/**
 * A document's {@code expires} is its last day in force. Seed 002 (四川): "本实施意见自印发之日起实施，有效期五年", signed
 * 2014-02-22: on 2019-02-22 it still covers 成都, on 2019-02-23 it no longer does.
 */
class DocumentLastDayTest {

    static final Region SICHUAN = new Region("510000", "四川省", "Sichuan", null, "/510000/", 1, "PROVINCE", null, null,
            AirZone.OTHER, false, null, null, null, false, null, null);
    static final Region CHENGDU = new Region("510100", "成都市", "Chengdu", "510000", "/510000/510100/", 2, "PREFECTURE",
            null, null, AirZone.OTHER, false, null, null, null, false, null, null);
    static final SourceDocument SC = new SourceDocument("sc-2014", "四川", "t", "四川省人民政府", "PROVINCIAL", "510000",
            LocalDate.of(2014, 2, 22), LocalDate.of(2014, 2, 22), LocalDate.of(2019, 2, 22), null, null);

    private static java.util.Set<String> covering(LocalDate date) {
        Catalog c = new Catalog("1", Map.of("sc-2014", SC), List.of(), List.of());
        Map<String, Region> regions = Map.of("510000", SICHUAN, "510100", CHENGDU);
        return FactsBuilder.documentsCovering(c, CHENGDU, date, code -> Optional.ofNullable(regions.get(code)));
    }

    @Test
    void seed002StillInForceOnItsLastDay() {
        assertThat(covering(LocalDate.of(2019, 2, 22))).containsExactly("sc-2014");
        assertThat(covering(LocalDate.of(2019, 2, 23))).isEmpty();
        assertThat(covering(LocalDate.of(2014, 2, 22))).containsExactly("sc-2014");
    }
}

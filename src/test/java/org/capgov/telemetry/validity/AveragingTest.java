package org.capgov.telemetry.validity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only flag N counts; other flags are excluded and counted; a mean needs its minimum of valid values. */
class AveragingTest {

    static final LocalDateTime H = LocalDateTime.of(2024, 1, 1, 11, 0);

    @Test
    void meanOfValidMinutesWithExclusionsCountedByFlag() {
        List<Averaging.Point> points = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            points.add(new Averaging.Point(H.plusMinutes(i), 10.0 + (i % 2), "N"));
        }
        points.add(new Averaging.Point(H.plusMinutes(50), 999.0, "M"));
        points.add(new Averaging.Point(H.plusMinutes(51), 999.0, "D"));
        points.add(new Averaging.Point(H.plusMinutes(52), 999.0, "D"));
        points.add(new Averaging.Point(H.plusMinutes(53), 999.0, null));
        Averaging.Mean m = Averaging.of(points, 45);
        assertThat(m.mean()).isEqualTo(10.5);
        assertThat(m.validCount()).isEqualTo(50);
        assertThat(m.invalidCount()).isEqualTo(4);
        assertThat(m.excluded()).containsEntry("M", 1).containsEntry("D", 2).containsEntry(Averaging.NO_FLAG, 1);
        assertThat(m.valid()).isTrue();
    }

    @Test
    void tooFewValidMinutesGiveAMeanThatIsNotValid() {
        List<Averaging.Point> points = new ArrayList<>();
        for (int i = 0; i < 44; i++) {
            points.add(new Averaging.Point(H.plusMinutes(i), 20.0, "N"));
        }
        for (int i = 44; i < 60; i++) {
            points.add(new Averaging.Point(H.plusMinutes(i), 20.0, "C"));
        }
        Averaging.Mean m = Averaging.of(points, 45);
        assertThat(m.mean()).isEqualTo(20.0);
        assertThat(m.valid()).isFalse();
        assertThat(Averaging.of(points, 44).valid()).isTrue();
        assertThat(Averaging.of(List.of(new Averaging.Point(H, 1.0, "F")), 0).valid()).isFalse();
        assertThat(Averaging.of(List.of(new Averaging.Point(H, Double.NaN, "N")), 0).mean()).isNull();
    }
}

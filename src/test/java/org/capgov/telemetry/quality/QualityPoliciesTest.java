package org.capgov.telemetry.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each data-quality policy fires on its pattern and stays quiet on ordinary data. */
class QualityPoliciesTest {

    static final LocalDateTime T0 = LocalDateTime.of(2024, 3, 1, 0, 0);

    static LoggerWindow.Packet packet(LocalDateTime t, Map<String, Double> values, String flag) {
        Map<String, LoggerWindow.Reading> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, new LoggerWindow.Reading(v, flag)));
        return new LoggerWindow.Packet(t.toString(), t, t.plusSeconds(30), "2051", m);
    }

    static LoggerWindow window(List<LoggerWindow.Packet> packets, Map<String, Double> limits, boolean producing,
            LocalDateTime last, List<LoggerWindow.Coverage> coverage) {
        return new LoggerWindow("MN1", "STACK", T0, T0.plusHours(26), T0.plusHours(26), packets, limits, producing, last,
                coverage);
    }

    /** Minute packets over {@code hours} hours whose SO2 value is given by the minute index. */
    static List<LoggerWindow.Packet> minutes(int hours, java.util.function.IntFunction<Double> so2, boolean oxygen) {
        List<LoggerWindow.Packet> out = new ArrayList<>();
        for (int i = 0; i < hours * 60; i++) {
            Map<String, Double> v = new LinkedHashMap<>();
            v.put("a21026", so2.apply(i));
            if (oxygen) {
                v.put("a19001", 8.0 + (i % 7) / 10.0);
            }
            out.add(packet(T0.plusMinutes(i), v, "N"));
        }
        return out;
    }

    @Test
    void frozenValueFiresAfterThreeHoursOfTheSameReadingOnly() {
        FrozenValuePolicy p = new FrozenValuePolicy(Duration.ofHours(3));
        var frozen = p.check(window(minutes(4, i -> i < 30 ? 10.0 + i * 0.1 : 42.0, true), Map.of(), false, null, List.of()));
        assertThat(frozen).hasSize(1);
        assertThat(frozen.get(0).factor()).isEqualTo("a21026");
        assertThat(frozen.get(0).start()).isEqualTo(T0.plusMinutes(30));
        assertThat(frozen.get(0).detail()).contains("42");
        assertThat(p.check(window(minutes(2, i -> 42.0, true), Map.of(), false, null, List.of()))).isEmpty();
        assertThat(p.check(window(minutes(4, i -> 40.0 + (i % 5) * 0.3, true), Map.of(), false, null, List.of())))
                .isEmpty();
    }

    @Test
    void roundNumbersAndValuesPinnedUnderTheLimit() {
        var round = new RoundNumberPolicy(1, Duration.ofHours(4));
        assertThat(round.check(window(minutes(5, i -> (double) (40 + i % 3), true), Map.of(), false, null, List.of())))
                .extracting(LoggerWindow.Finding::factor).containsExactly("a21026");
        assertThat(round.check(window(minutes(5, i -> 40.5 + i % 3, true), Map.of(), false, null, List.of()))).isEmpty();
        var pinned = new PinnedUnderLimitPolicy(0.9, Duration.ofHours(4));
        assertThat(pinned.check(window(minutes(5, i -> 140.0 + (i % 9), true), Map.of("a21026", 150.0), false, null,
                List.of()))).hasSize(1);
        assertThat(pinned.check(window(minutes(5, i -> 100.0 + (i % 9), true), Map.of("a21026", 150.0), false, null,
                List.of()))).isEmpty();
        assertThat(pinned.check(window(minutes(5, i -> 145.0, true), Map.of(), false, null, List.of()))).isEmpty();
    }

    @Test
    void impossibleValuesAndMissingOxygen() {
        var impossible = new ImpossibleValuePolicy(ImpossibleValuePolicy.PHYSICAL);
        var packets = List.of(packet(T0, Map.of("a21026", -1.0, "a19001", 8.0), "N"),
                packet(T0.plusMinutes(1), Map.of("a21026", 5.0, "a19001", 23.0), "N"),
                packet(T0.plusMinutes(2), Map.of("a21026", 5.0, "a19001", 8.0), "N"));
        assertThat(impossible.check(window(packets, Map.of(), false, null, List.of())))
                .extracting(LoggerWindow.Finding::factor).containsExactly("a21026", "a19001");
        var oxygen = new OxygenMissingPolicy();
        assertThat(oxygen.check(window(minutes(1, i -> 5.0, false), Map.of(), false, null, List.of()))).hasSize(1);
        assertThat(oxygen.check(window(minutes(1, i -> 5.0, true), Map.of(), false, null, List.of()))).isEmpty();
    }

    @Test
    void futureAndOutOfOrderTimestamps() {
        var p = new TimestampPolicy(Duration.ofMinutes(10));
        var ahead = new LoggerWindow.Packet("q1", T0.plusHours(1), T0, "2051", Map.of());
        var ok = new LoggerWindow.Packet("q2", T0.plusMinutes(5), T0.plusMinutes(5), "2051", Map.of());
        var back = new LoggerWindow.Packet("q3", T0.plusMinutes(2), T0.plusMinutes(6), "2051", Map.of());
        var found = p.check(window(List.of(ahead, ok, back), Map.of(), false, null, List.of()));
        assertThat(found).hasSize(2);
        assertThat(found.get(0).detail()).contains("晚于接收时间");
        assertThat(found.get(1).detail()).contains("早于先到");
        assertThat(p.check(window(List.of(ok), Map.of(), false, null, List.of()))).isEmpty();
    }

    @Test
    void missingDataRateAndSilenceDuringProduction() {
        var day = new MissingDataPolicy("DAY", 0.1);
        var cov = List.of(new LoggerWindow.Coverage("DAY", T0, T0.plusDays(1), 1200),
                new LoggerWindow.Coverage("MONTH", T0.minusMonths(1), T0, 44000));
        assertThat(day.check(window(List.of(), Map.of(), false, null, cov))).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("1440").contains("16.7%"));
        assertThat(new MissingDataPolicy("MONTH", 0.1).check(window(List.of(), Map.of(), false, null, cov))).isEmpty();
        var silent = new SilentDuringProductionPolicy(Duration.ofHours(2));
        assertThat(silent.check(window(List.of(), Map.of(), true, T0.plusHours(23), List.of()))).hasSize(1);
        assertThat(silent.check(window(List.of(), Map.of(), false, T0.plusHours(23), List.of()))).isEmpty();
        assertThat(silent.check(window(List.of(), Map.of(), true, T0.plusHours(25), List.of()))).isEmpty();
    }
}

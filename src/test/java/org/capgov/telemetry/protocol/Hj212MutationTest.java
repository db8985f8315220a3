package org.capgov.telemetry.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fuzz tests' bounded, always-run half (Hj212ParserFuzzTest runs coverage-guided fuzzing): 30,000 seeded mutations
 * of the verified packets, each parsed strictly and with every tolerance. The byte-level parser must never throw (it
 * is called without its safety net) and must answer exactly what the first, String-based parser answers: the same
 * packet, or the same refusal with the same field and text.
 */
class Hj212MutationTest {

    private static final int RUNS = 30_000;
    private final Hj212Parser parser = new Hj212Parser();
    private final Hj212ReferenceParser reference = new Hj212ReferenceParser();

    @Test
    void mutatedPacketsNeverThrowAndAreReadAsTheReferenceReadsThem() {
        Random r = new Random(212_2017);
        int accepted = 0;
        int reachedCp = 0;
        for (int i = 0; i < RUNS; i++) {
            byte[] input = Mutator.mutate(r, Mutator.SEEDS.get(r.nextInt(Mutator.SEEDS.size())));
            for (Set<Tolerance> tolerances : new Set[] {Set.of(), EnumSet.allOf(Tolerance.class)}) {
                Hj212Parser.Result[] got = new Hj212Parser.Result[1];
                assertThatCode(() -> got[0] = parser.parseUnguarded(input, tolerances)).as(() -> Mutator.show(input))
                        .doesNotThrowAnyException();
                Hj212Parser.Result expected = reference.parse(input, tolerances);
                assertThat(got[0]).as(() -> Mutator.show(input)).isEqualTo(expected);
                if (got[0].ok()) {
                    accepted++;
                } else if (got[0].rejection().reason() == Rejection.Reason.CP) {
                    reachedCp++;
                }
            }
        }
        // the mutations must reach the deep paths, not only the CRC check
        assertThat(accepted).as("accepted packets").isGreaterThan(RUNS / 20);
        assertThat(reachedCp).as("refusals in the CP").isGreaterThan(RUNS / 20);
    }

    @Test
    void numbersReadFromBytesEqualParseDouble() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder(r.nextInt(5) == 0 ? "-" : "");
            int intDigits = 1 + r.nextInt(12);
            for (int k = 0; k < intDigits; k++) {
                s.append((char) ('0' + r.nextInt(10)));
            }
            if (r.nextBoolean()) {
                s.append('.');
                for (int k = 0, n = 1 + r.nextInt(8); k < n; k++) {
                    s.append((char) ('0' + r.nextInt(10)));
                }
            }
            byte[] b = Mutator.bytes(s.toString());
            assertThat(Ascii.decimal(b, 0, b.length)).as(s.toString()).isEqualTo(Double.parseDouble(s.toString()));
        }
    }
}

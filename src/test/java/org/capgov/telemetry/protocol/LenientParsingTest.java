package org.capgov.telemetry.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lenient mode: each tolerance lets through exactly its deviation, names it, and nothing else. */
class LenientParsingTest {

    static final String EXAMPLE = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;"
            + "CP=&&RtdInterval=30&&";
    static final String STACK = "QN=20240101120000000;ST=31;CN=2051;PW=123456;MN=TESTGAS0000000000000001;Flag=4;"
            + "CP=&&DataTime=20240101115900;02-Avg=12.3,02-Flag=N;03-Avg=45.6,03-Flag=N;01-Avg=3.2,01-Flag=D&&";

    final Hj212Parser parser = new Hj212Parser();

    static byte[] frame(String segment, int length, String crc) {
        return ("##" + String.format("%04d", length) + segment + crc + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void modbusCrcOfTheStandardExampleIs0759AndIsTakenOnlyWhenTolerated() {
        assertThat(Hj212Crc.hex(Hj212Crc.modbus(EXAMPLE))).isEqualTo("0759");
        byte[] f = frame(EXAMPLE, EXAMPLE.length(), "0759");
        assertThat(parser.parse(f).ok()).isFalse();
        assertThat(parser.parse(f).rejection().reason()).isEqualTo(Rejection.Reason.CRC);
        Hj212Parser.Result lenient = parser.parse(f, Set.of(Tolerance.MODBUS_CRC));
        assertThat(lenient.ok()).isTrue();
        assertThat(lenient.tolerated()).containsExactly(Tolerance.MODBUS_CRC);
        // a CRC that is neither stays refused
        assertThat(parser.parse(frame(EXAMPLE, EXAMPLE.length(), "1234"), Set.of(Tolerance.MODBUS_CRC)).ok()).isFalse();
    }

    @Test
    void wrongLengthIsTakenOnlyWhenTolerated() {
        String crc = Hj212Crc.hex(Hj212Crc.of(EXAMPLE));
        byte[] f = frame(EXAMPLE, EXAMPLE.length() + 3, crc);
        assertThat(parser.parse(f).rejection().reason()).isEqualTo(Rejection.Reason.LENGTH);
        assertThat(parser.parse(f, Set.of(Tolerance.MODBUS_CRC)).ok()).isFalse();
        Hj212Parser.Result lenient = parser.parse(f, EnumSet.of(Tolerance.WRONG_LENGTH, Tolerance.MODBUS_CRC));
        assertThat(lenient.ok()).isTrue();
        assertThat(lenient.tolerated()).containsExactly(Tolerance.WRONG_LENGTH);
        // a right frame needs no tolerance, even in lenient mode
        assertThat(parser.parse(frame(EXAMPLE, EXAMPLE.length(), crc), EnumSet.allOf(Tolerance.class)).tolerated())
                .isEmpty();
    }

    @Test
    void factorCodesOf2005BecomeTheir2017Equivalents() {
        Hj212Packet p = parser.parse(frame(STACK, STACK.length(), Hj212Crc.hex(Hj212Crc.of(STACK)))).packet();
        assertThat(Lenience.apply(p, Set.of()).packet().factors()).extracting(FactorValue::code)
                .containsExactly("02", "03", "01");
        Lenience.Applied applied = Lenience.apply(p, Set.of(Tolerance.FACTOR_CODES_2005));
        assertThat(applied.used()).containsExactly(Tolerance.FACTOR_CODES_2005);
        assertThat(applied.packet().factors()).extracting(FactorValue::code).containsExactly("a21026", "a21002", "a34013");
        assertThat(applied.packet().factors().get(2).flag()).isEqualTo('D');
        assertThat(applied.packet().segment()).isEqualTo(STACK);
        assertThat(Hj212Factors.from2005("011")).contains("w01018");
        assertThat(Hj212Factors.unit("w20111")).isEqualTo("μg/L");
    }

    @Test
    void the2017And2005DialectsAreImplementedAnd2025IsNot() {
        assertThat(Dialect.values()).containsExactly(Dialect.HJ212_2017, Dialect.HJT212_2005);
        assertThat(Dialect.of("HJ212_2025")).isEmpty();
        byte[] f = frame(EXAMPLE, EXAMPLE.length(), Hj212Crc.hex(Hj212Crc.of(EXAMPLE)));
        assertThat(Dialect.HJ212_2017.parser().parse(f, Set.of()).ok()).isTrue();
    }
}

package org.capgov.telemetry.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table-driven CRC (eight bytes at a time) against the bit-by-bit routine of docs/reference/hj212.md §2. */
class Hj212CrcTest {

    @Test
    void theStandardsExampleHasItsPublishedCrc() {
        String segment = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;"
                + "CP=&&RtdInterval=30&&";
        assertThat(Hj212Crc.hex(Hj212Crc.of(segment))).isEqualTo("1C80");
        assertThat(Hj212Crc.hex(Hj212Crc.modbus(segment))).isEqualTo("0759");
    }

    @Test
    void everyLengthAndOffsetGivesWhatTheBitwiseRoutineGives() {
        Random random = new Random(212);
        byte[] data = new byte[5000];
        random.nextBytes(data);
        for (int length = 0; length <= 300; length++) {
            for (int offset : new int[] {0, 1, 7, 13}) {
                assertThat(Hj212Crc.of(data, offset, length)).as("length %d offset %d", length, offset)
                        .isEqualTo(Hj212Crc.bitwise(data, offset, length));
            }
        }
        for (int i = 0; i < 2000; i++) {
            int offset = random.nextInt(100);
            int length = random.nextInt(data.length - offset);
            assertThat(Hj212Crc.of(data, offset, length)).isEqualTo(Hj212Crc.bitwise(data, offset, length));
        }
        byte[] ascii = "QN=20240101120000000;ST=31;CN=2051;PW=123456;MN=TESTGAS0000000000000001;Flag=4;CP=&&&&"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Hj212Crc.of(ascii, 0, ascii.length)).isEqualTo(Hj212Crc.bitwise(ascii, 0, ascii.length));
    }
}

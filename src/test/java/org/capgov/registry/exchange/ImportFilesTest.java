package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The line-break count that sizes a direct load: eight bytes at a time must count exactly what a byte loop counts. */
class ImportFilesTest {

    @Test
    void countsLineBreaksEightBytesAtATimeAsOneByOne() {
        SplittableRandom random = new SplittableRandom(7);
        // bytes next to '\n' in value: 0x0B, 0x09, 0x8A (high bit), 0x00, 0xFF; UTF-8 of CJK text
        byte[] alphabet = {'\n', 0x0B, 0x09, (byte) 0x8A, 0, (byte) 0xFF, 'a', (byte) 0xE4, (byte) 0xB8, '\r'};
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(1, 70)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = random.nextInt(bytes.length);
            int length = random.nextInt(bytes.length - from + 1);
            int expected = 0;
            for (int i = from; i < from + length; i++) {
                expected += bytes[i] == '\n' ? 1 : 0;
            }
            assertThat(ImportFiles.countLineBreaks(bytes, from, length)).as("round %d", round).isEqualTo(expected);
        }
    }
}

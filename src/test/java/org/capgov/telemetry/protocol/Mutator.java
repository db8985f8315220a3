package org.capgov.telemetry.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of HJ 212 frames for the fuzz-style tests: bytes changed, deleted, repeated, inserted or spliced
 * from another packet, and then, more often than not, the frame rebuilt around the changed segment with its length and
 * CRC right, so that the mutations reach past the CRC check into the header and CP grammar.
 */
final class Mutator {

    /** The verified packets of docs/reference/hj212.md §3 and the stack-gas packet built with its CRC. */
    static final List<byte[]> SEEDS = List.of(bytes(Hj212ParserTest.SET_INTERVAL), bytes(Hj212ParserTest.WASTEWATER),
            bytes(Hj212ParserTest.AIR), bytes(Hj212ParserTest.frame(Hj212ParserTest.NOISE_SEGMENT)),
            bytes(Hj212ParserTest.STACK));

    /** Characters the grammar gives a meaning, so that a change is likely to matter. */
    private static final byte[] SPECIAL = bytes(";,=&-#.\r\n0123456789ABCDEFabcdefNFMSDCTBQNSTCPWMNFlagRtdAvgZs");

    private Mutator() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One to four random changes of {@code seed}, then, with probability 0.7, length and CRC made right again. */
    static byte[] mutate(Random r, byte[] seed) {
        byte[] b = seed.clone();
        int changes = 1 + r.nextInt(4);
        for (int c = 0; c < changes; c++) {
            b = change(r, b);
        }
        return r.nextInt(10) < 7 ? reframe(b) : b;
    }

    private static byte[] change(Random r, byte[] b) {
        if (b.length == 0) {
            return new byte[] {SPECIAL[r.nextInt(SPECIAL.length)]};
        }
        int at = r.nextInt(b.length);
        int len = 1 + r.nextInt(Math.min(16, b.length - at));
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 32);
        switch (r.nextInt(7)) {
            case 0 -> {
                byte[] c = b.clone();
                c[at] = (byte) r.nextInt(256);
                return c;
            }
            case 1 -> {
                byte[] c = b.clone();
                c[at] = SPECIAL[r.nextInt(SPECIAL.length)];
                return c;
            }
            case 2 -> {
                out.write(b, 0, at);
                out.write(b, at + len, b.length - at - len);
            }
            case 3 -> {
                out.write(b, 0, at + len);
                out.write(b, at, len);
                out.write(b, at + len, b.length - at - len);
            }
            case 4 -> {
                out.write(b, 0, at);
                for (int i = 0; i < len; i++) {
                    out.write(SPECIAL[r.nextInt(SPECIAL.length)]);
                }
                out.write(b, at, b.length - at);
            }
            case 5 -> {
                byte[] other = SEEDS.get(r.nextInt(SEEDS.size()));
                int from = r.nextInt(other.length);
                int n = Math.min(1 + r.nextInt(40), other.length - from);
                out.write(b, 0, at);
                out.write(other, from, n);
                out.write(b, at, b.length - at);
            }
            default -> {
                return Arrays.copyOf(b, at);
            }
        }
        return out.toByteArray();
    }

    /** The frame around the segment of {@code b} (its bytes 6 to n-6, or all of it when shorter), length and CRC right. */
    static byte[] reframe(byte[] b) {
        byte[] segment = b.length >= 12 ? Arrays.copyOfRange(b, 6, b.length - 6) : b;
        return frame(segment);
    }

    static byte[] frame(byte[] segment) {
        String head = "##" + String.format("%04d", Math.min(segment.length, 9999));
        String tail = Hj212Crc.hex(Hj212Crc.of(segment, 0, segment.length)) + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length + 12);
        out.writeBytes(bytes(head));
        out.writeBytes(segment);
        out.writeBytes(bytes(tail));
        return out.toByteArray();
    }

    /** The input as printable text for an assertion message, other bytes as {@code \xNN}. */
    static String show(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(x >= 0x20 && x < 0x7F ? String.valueOf((char) x) : String.format("\\x%02X", x & 0xFF));
        }
        return s.toString();
    }
}

package org.capgov.telemetry.protocol;

/**
 * The CRC16 of HJ 212 (docs/reference/hj212.md §2): polynomial 0xA001, init 0xFFFF, no final XOR, but each byte
 * enters as {@code crc = (crc >> 8) ^ b}, not as Modbus' {@code crc ^= b}. Covers the data segment only.
 */
public final class Hj212Crc {

    private static final int[] TABLE = new int[256];
    /**
     * {@code H[k - 1][x]}: the high byte after k bytes entered from high byte {@code x} with bytes of 0. Each byte enters
     * as {@code crc = TABLE[(crc >>> 8) ^ b]}, so only the high byte h carries from one byte to the next, through the
     * linear map {@code H(x) = TABLE[x] >>> 8}; eight bytes at once are then
     * {@code H8(h ^ b0) ^ H7(b1) ^ … ^ H1(b7)}, seven of the eight table reads independent of h (slicing by 8).
     */
    private static final int[][] H = new int[8][256];

    static {
        // the 8 shift rounds of the routine depend only on the low byte after the byte enters: table them
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
        for (int i = 0; i < 256; i++) {
            H[0][i] = TABLE[i] >>> 8;
        }
        for (int k = 1; k < 8; k++) {
            for (int i = 0; i < 256; i++) {
                H[k][i] = H[0][H[k - 1][i]];
            }
        }
    }

    private Hj212Crc() {
    }

    /** CRC of {@code length} bytes from {@code offset}. */
    public static int of(byte[] data, int offset, int length) {
        if (length <= 0) {
            return 0xFFFF;
        }
        int[] h1 = H[0];
        int[] h2 = H[1];
        int[] h3 = H[2];
        int[] h4 = H[3];
        int[] h5 = H[4];
        int[] h6 = H[5];
        int[] h7 = H[6];
        int[] h8 = H[7];
        int h = 0xFF;
        int i = offset;
        int last = offset + length - 1;
        for (; i + 8 <= last; i += 8) {
            h = h8[(h ^ data[i]) & 0xFF] ^ h7[data[i + 1] & 0xFF] ^ h6[data[i + 2] & 0xFF] ^ h5[data[i + 3] & 0xFF]
                    ^ h4[data[i + 4] & 0xFF] ^ h3[data[i + 5] & 0xFF] ^ h2[data[i + 6] & 0xFF] ^ h1[data[i + 7] & 0xFF];
        }
        for (; i < last; i++) {
            h = h1[(h ^ data[i]) & 0xFF];
        }
        return TABLE[(h ^ data[last]) & 0xFF];
    }

    /** The routine of docs/reference/hj212.md §2 bit by bit, as written there: what {@link #of} must equal. */
    static int bitwise(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc >>> 8) ^ (data[i] & 0xFF);
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    /**
     * The Modbus CRC-16 ({@code crc ^= b}) that some loggers send instead (docs/reference/hj212.md §2); only a logger
     * whose lenient mode names {@link Tolerance#MODBUS_CRC} gets it accepted.
     */
    public static int modbus(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            crc = TABLE[crc & 0xFF] ^ (crc >>> 8);
        }
        return crc;
    }

    /** Modbus CRC of an ASCII data segment. */
    public static int modbus(String segment) {
        byte[] b = segment.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return modbus(b, 0, b.length);
    }

    /** CRC of an ASCII data segment. */
    public static int of(String segment) {
        byte[] b = segment.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return of(b, 0, b.length);
    }

    /** Four upper-case hex digits, as the packet carries them. */
    public static String hex(int crc) {
        return String.format("%04X", crc & 0xFFFF);
    }
}

package org.capgov.telemetry.protocol;

/**
 * The CRC16 of HJ 212 (docs/reference/hj212.md §2): polynomial 0xA001, init 0xFFFF, no final XOR, but each byte
 * enters as {@code crc = (crc >> 8) ^ b}, not as Modbus' {@code crc ^= b}. Covers the data segment only.
 */
public final class Hj212Crc {

    private static final int[] TABLE = new int[256];

    static {
        // the 8 shift rounds of the routine depend only on the low byte after the byte enters: table them
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Hj212Crc() {
    }

    /** CRC of {@code length} bytes from {@code offset}. */
    public static int of(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc >>> 8) ^ (data[i] & 0xFF);
            crc = TABLE[crc & 0xFF] ^ (crc >>> 8);
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

package org.capgov.telemetry.protocol;

/**
 * Known deviations of real loggers from HJ 212-2017 that a logger's lenient mode may let through, each named, set per
 * MN and counted (docs/reference/hj212.md §6). Strict mode lets none through.
 */
public enum Tolerance {
    /** The CRC is the Modbus CRC-16 ({@code crc ^= b}) of the data segment, not the HJ 212 one. */
    MODBUS_CRC,
    /** The 4-digit length field does not match the data segment; the frame is cut at CRLF all the same. */
    WRONG_LENGTH,
    /** Factor codes of HJ/T 212-2005 ({@code 02}, {@code 011}, {@code B02} …), read as their 2017 equivalents. */
    FACTOR_CODES_2005
}

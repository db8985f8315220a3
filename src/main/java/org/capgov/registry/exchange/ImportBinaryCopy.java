package org.capgov.registry.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows in PostgreSQL's binary COPY format, collected in a byte buffer and sent in chunks. The server then takes
 * numbers, dates and arrays as they are instead of parsing their text: measured by hand on the benchmark's million
 * enterprises, a COPY into a new table took 3.5 s in binary against 6.5 s in text, and 10.2 against 18.0 s for its
 * 2.9 million equipment rows. Each value is written in the form of its column's type (the receive function checks
 * it): {@code bigint}, {@code text}/{@code varchar}, {@code date}, {@code numeric}, {@code jsonb} and {@code varchar[]}.
 */
final class ImportBinaryCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int VARCHAR_OID = 1043;
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private byte[] buffer = new byte[ImportRowCopy.CHUNK + (1 << 16)];
    private int length;

    /** Starts the stream: signature, flags and an empty header extension. */
    ImportBinaryCopy() {
        put(SIGNATURE, 0, SIGNATURE.length);
        int32(0);
        int32(0);
    }

    int pending() {
        return length;
    }

    /** Starts a row of {@code fields} values. */
    ImportBinaryCopy row(int fields) {
        int16(fields);
        return this;
    }

    ImportBinaryCopy int8(long value) {
        int32(8);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    ImportBinaryCopy int8OrNull(Long value) {
        return value == null ? nullValue() : int8(value);
    }

    ImportBinaryCopy nullValue() {
        int32(-1);
        return this;
    }

    /** text or varchar; null writes NULL. */
    ImportBinaryCopy text(String value) {
        if (value == null) {
            return nullValue();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length);
        put(bytes, 0, bytes.length);
        return this;
    }

    /** A date as days since 2000-01-01; null writes NULL. */
    ImportBinaryCopy date(LocalDate value) {
        if (value == null) {
            return nullValue();
        }
        int32(4);
        int32((int) (value.toEpochDay() - POSTGRES_EPOCH_DAY));
        return this;
    }

    /** jsonb: a version byte (1) and the JSON text. */
    ImportBinaryCopy jsonb(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length + 1);
        ensure(1);
        buffer[length++] = 1;
        put(bytes, 0, bytes.length);
        return this;
    }

    /** A one-dimensional varchar[] without nulls. */
    ImportBinaryCopy varcharArray(List<String> values) {
        byte[][] items = new byte[values.size()][];
        int size = values.isEmpty() ? 12 : 20;
        for (int i = 0; i < items.length; i++) {
            items[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
            size += 4 + items[i].length;
        }
        int32(size);
        int32(values.isEmpty() ? 0 : 1);
        int32(0);
        int32(VARCHAR_OID);
        if (!values.isEmpty()) {
            int32(items.length);
            int32(1);
            for (byte[] item : items) {
                int32(item.length);
                put(item, 0, item.length);
            }
        }
        return this;
    }

    /**
     * numeric: base-10000 digits with the weight of the first one, as the server keeps it (numeric_send): the integer
     * part is grouped from the decimal point leftwards, the fraction rightwards.
     */
    ImportBinaryCopy numeric(BigDecimal value) {
        BigDecimal abs = value.abs();
        int scale = Math.max(abs.scale(), 0);
        short[] groups;
        int integerGroups;
        if (abs.scale() >= 0 && scale <= 15 && abs.precision() <= 18) {
            // the usual capacity or parameter: long arithmetic, without the digit strings below (once per row)
            long unscaled = abs.unscaledValue().longValue();
            long integer = unscaled / POWERS_OF_TEN[scale];
            int fractionGroups = (scale + 3) / 4;
            long fraction = unscaled % POWERS_OF_TEN[scale] * POWERS_OF_TEN[fractionGroups * 4 - scale];
            integerGroups = 0;
            for (long rest = integer; rest > 0; rest /= 10_000) {
                integerGroups++;
            }
            groups = new short[integerGroups + fractionGroups];
            for (int i = integerGroups - 1; i >= 0; i--, integer /= 10_000) {
                groups[i] = (short) (integer % 10_000);
            }
            for (int i = groups.length - 1; i >= integerGroups; i--, fraction /= 10_000) {
                groups[i] = (short) (fraction % 10_000);
            }
        } else {
            String digits = abs.setScale(scale).unscaledValue().toString();
            int integerLength = digits.length() - scale;
            String integer = integerLength > 0 ? digits.substring(0, integerLength) : "";
            String fraction = integerLength > 0 ? digits.substring(integerLength) : "0".repeat(-integerLength) + digits;
            integerGroups = (integer.length() + 3) / 4;
            String padded = "0".repeat(integerGroups * 4 - integer.length()) + integer + fraction
                    + "0".repeat((4 - fraction.length() % 4) % 4);
            groups = new short[padded.length() / 4];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = (short) Integer.parseInt(padded, i * 4, i * 4 + 4, 10);
            }
        }
        int first = 0;
        while (first < groups.length && groups[first] == 0) {
            first++;
        }
        int last = groups.length;
        while (last > first && groups[last - 1] == 0) {
            last--;
        }
        int weight = first == last ? 0 : integerGroups - 1 - first;
        int count = last - first;
        int32(8 + 2 * count);
        int16(count);
        int16(weight);
        int16(count == 0 || value.signum() >= 0 ? NUMERIC_POSITIVE : NUMERIC_NEGATIVE);
        int16(scale);
        for (int i = first; i < last; i++) {
            int16(groups[i]);
        }
        return this;
    }

    /** Sends what is waiting. */
    void send(CopyIn copy) throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    /** Sends the rest with the end marker. */
    void finish(CopyIn copy) throws SQLException {
        end();
        send(copy);
    }

    /** COPYs everything held (for a small table), end marker included, as one statement; returns the rows written. */
    long copyInto(CopyManager copies, String sql) throws SQLException {
        CopyIn copy = copies.copyIn(sql);
        try {
            finish(copy);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Appends the end marker. */
    void end() {
        int16(-1);
    }

    /** Writes what is waiting to a file instead (see {@link ImportSideCopy}). */
    void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }

    private void int16(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void put(byte[] bytes, int from, int count) {
        ensure(count);
        System.arraycopy(bytes, from, buffer, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}

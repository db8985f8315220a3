package org.capgov.telemetry.protocol;

/**
 * One String for each short name that packets repeat (factor codes, ST, CN, PW, MN), so that parsing a packet does not
 * build them again (docs/reference/hj212.md §11): a table of 4,096 slots indexed by a hash of the bytes; a slot holds the
 * last name that fell into it, so the table never grows, whatever a sender invents. Threads share it without locks: a
 * String is immutable, so a slot read by another thread gives either a whole String or one that is compared and not
 * taken.
 */
final class Names {

    /** Longest name kept: MN has up to 24 characters. */
    static final int LONGEST = 24;
    private static final int SLOTS = 4096;
    private static final String[] TABLE = new String[SLOTS];

    private Names() {
    }

    /** The bytes from {@code from} to {@code to} as a String, the same instance as last time where possible. */
    static String of(byte[] b, int from, int to) {
        if (to - from > LONGEST) {
            return Ascii.text(b, from, to);
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 12)) & (SLOTS - 1);
        String s = TABLE[slot];
        if (s != null && Ascii.is(b, from, to, s)) {
            return s;
        }
        s = Ascii.text(b, from, to);
        TABLE[slot] = s;
        return s;
    }
}

package org.capgov.registry.exchange;

/**
 * USCCs with an id and a small tag each, found by hashing: the codes packed 18 bytes apiece with an open-addressing
 * table of positions, about 40 bytes an entry (40 MB for a million) where a map of strings takes several times that.
 * A direct load looks up every row's enterprise here instead of joining in SQL. USCCs are 18 ASCII characters (the
 * structure check allows nothing else); anything else is simply not found.
 */
final class ImportUsccIndex {

    static final int LENGTH = 18;

    private final byte[] codes;
    private final long[] ids;
    private final int[] tags;
    private final int[] slots;
    private final int mask;
    private int size;

    /** Room for {@code capacity} codes. */
    ImportUsccIndex(int capacity) {
        codes = new byte[capacity * LENGTH];
        ids = new long[capacity];
        tags = new int[capacity];
        int tableSize = Integer.highestOneBit(Math.max(capacity, 1) * 2 - 1) << 1;
        slots = new int[tableSize];
        mask = tableSize - 1;
    }

    int size() {
        return size;
    }

    /**
     * Adds a code and returns its position, or returns -1 when the code is already there, is not 18 ASCII characters
     * or there is no room.
     */
    int add(String uscc, long id, int tag) {
        if (!plain(uscc) || size == ids.length) {
            return -1;
        }
        int slot = hash(uscc) & mask;
        while (slots[slot] != 0) {
            if (matches(slots[slot] - 1, uscc)) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
        int position = size++;
        for (int i = 0; i < LENGTH; i++) {
            codes[position * LENGTH + i] = (byte) uscc.charAt(i);
        }
        ids[position] = id;
        tags[position] = tag;
        slots[slot] = position + 1;
        return position;
    }

    /** The position of a code, or -1. */
    int find(String uscc) {
        if (!plain(uscc)) {
            return -1;
        }
        int slot = hash(uscc) & mask;
        while (slots[slot] != 0) {
            if (matches(slots[slot] - 1, uscc)) {
                return slots[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    long id(int position) {
        return ids[position];
    }

    int tag(int position) {
        return tags[position];
    }

    private static boolean plain(String uscc) {
        if (uscc == null || uscc.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (uscc.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(int position, String uscc) {
        int offset = position * LENGTH;
        for (int i = 0; i < LENGTH; i++) {
            if (codes[offset + i] != (byte) uscc.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int hash(String uscc) {
        int h = 0;
        for (int i = 0; i < LENGTH; i++) {
            h = 31 * h + uscc.charAt(i);
        }
        // spread the bits: the table is indexed by the low ones
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }
}

package org.capgov.registry.demo;

import java.util.SplittableRandom;
import org.capgov.shared.Uscc;
import org.capgov.registry.EquipmentType;

/**
 * Codes of demo enterprises that are unique without remembering them: the k-th enterprise's USCC body and grid
 * accounts are affine bijections of k (multiplier coprime with the size of the code space, offset from the seed),
 * so that a million codes never repeat and two seeds rarely meet. Bodies start with a digit (organisation codes of
 * enterprises registered before the 2015 reform) or with MA (registered since), never with T or X, which tests use
 * for their own codes.
 */
final class RegistryDemoCodes {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final String DEMO_USCC = "91500102MA5U8A1B06";

    private static final long NUMERIC_SPACE = 100_000_000L;
    private static final long NUMERIC_FACTOR = 73_939_133L;
    private static final long MA_SPACE = 887_503_681L; // 31^6
    private static final long MA_FACTOR = 479_001_599L;
    private static final long GRID_SPACE = 10_000_000_000L;
    private static final long GRID_FACTOR = 6_700_417L;
    /** The demo enterprise's body after "MA", which no generated enterprise may take. */
    private static final long DEMO_MA = decode(DEMO_USCC.substring(10, 16));

    private final long numericOffset;
    private final long maOffset;
    private final long gridOffset;

    RegistryDemoCodes(long seed) {
        SplittableRandom offsets = new SplittableRandom(seed ^ 0x63617067_6f76L);
        numericOffset = Math.floorMod(offsets.nextLong(), NUMERIC_SPACE);
        maOffset = Math.floorMod(offsets.nextLong(), MA_SPACE);
        gridOffset = Math.floorMod(offsets.nextLong(), GRID_SPACE);
    }

    /**
     * The valid USCC of the k-th generated enterprise (k ≥ 1; 0 is the demo enterprise's place), registered by the
     * authority of {@code region}.
     */
    String uscc(long k, String region, boolean registeredSinceReform) {
        String body;
        if (registeredSinceReform) {
            long v = Math.floorMod(k * MA_FACTOR + maOffset, MA_SPACE);
            if (v == DEMO_MA) {
                v = maOffset; // the value of k = 0, which no generated enterprise uses
            }
            body = "MA" + encode(v, 6);
        } else {
            long v = Math.floorMod(k * NUMERIC_FACTOR + numericOffset, NUMERIC_SPACE);
            body = String.format("%08d", v);
        }
        return Uscc.compose("91", region, body);
    }

    /** The same code with a wrong 18th character, as real registers hold a few. */
    static String withWrongCheckCharacter(String uscc, SplittableRandom rng) {
        int right = CHARSET.indexOf(uscc.charAt(17));
        char wrong = CHARSET.charAt((right + 1 + rng.nextInt(CHARSET.length() - 1)) % CHARSET.length());
        return uscc.substring(0, 17) + wrong;
    }

    /** The j-th (0–3) 供电户号 of the k-th enterprise: the region code and ten digits. */
    String gridAccount(long k, int j, String region) {
        long v = Math.floorMod((k * 4 + j) * GRID_FACTOR + gridOffset, GRID_SPACE);
        return region + String.format("%010d", v);
    }

    static String equipmentPrefix(EquipmentType type) {
        return switch (type) {
            case BLAST_FURNACE -> "BF";
            case CONVERTER -> "BOF";
            case EAF -> "EAF";
            case INDUCTION_FURNACE -> "IF";
            case SINTER_MACHINE -> "SP";
            case PELLET_SHAFT_FURNACE -> "PF";
            case COKE_OVEN -> "CO";
            case ROLLING_MILL -> "RM";
            case REBAR_LINE -> "RB";
            case LIME_KILN -> "LK";
            case CEMENT_KILN -> "KILN";
            case CEMENT_MILL -> "CM";
            case ELECTROLYTIC_CELL_LINE -> "POT";
            case CARBON_ANODE_PLANT -> "ANODE";
            case CARBON_CATHODE_PLANT -> "CATHODE";
            case FLUORIDE_SALT_PLANT -> "FS";
            case GLASS_LINE -> "GL";
            case SHIPYARD -> "YARD";
            case COAL_MINE -> "MINE";
            case BRICK_KILN -> "BK";
            case COAL_BOILER -> "BLR";
        };
    }

    private static String encode(long value, int width) {
        char[] out = new char[width];
        long v = value;
        for (int i = width - 1; i >= 0; i--) {
            out[i] = CHARSET.charAt((int) (v % 31));
            v /= 31;
        }
        return new String(out);
    }

    private static long decode(String text) {
        long v = 0;
        for (int i = 0; i < text.length(); i++) {
            v = v * 31 + CHARSET.indexOf(text.charAt(i));
        }
        return v;
    }
}

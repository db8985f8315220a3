package org.capgov.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The spellings by which people type an enterprise name without Chinese input: full pinyin without tones and
 * spaces (chongqingfulinggangtie) and initials (cqflgt). A character with several readings (重 zhong / chong)
 * gives every reading, so that both spellings find the name; the variants are capped so that a name of many
 * such characters stays small. Latin letters and digits of the name are kept, lower case; other characters are
 * dropped.
 */
final class PinyinNames {

    /** How many spellings one name keeps at most (combinations of the readings of polyphonic characters). */
    static final int MAX_VARIANTS = 16;
    /** Variants are joined with this, so that a search never matches across two of them. */
    static final String SEPARATOR = "|";

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** The full-pinyin and the initials spellings of a name. */
    record Spellings(String full, String initials) {
    }

    private PinyinNames() {
    }

    static Spellings of(String name) {
        List<String> full = List.of("");
        List<String> initials = List.of("");
        for (char c : (name == null ? "" : name).toCharArray()) {
            Set<String> readings = readings(c);
            if (readings.isEmpty()) {
                continue;
            }
            Set<String> firsts = new LinkedHashSet<>();
            readings.forEach(r -> firsts.add(r.substring(0, 1)));
            full = combine(full, readings);
            initials = combine(initials, firsts);
        }
        return new Spellings(String.join(SEPARATOR, full), String.join(SEPARATOR, initials));
    }

    /** Whether a search text is typed in Latin letters (and spaces), so that it may be pinyin. */
    static boolean isLatin(String text) {
        return text != null && !text.isBlank() && text.trim().matches("[A-Za-z ]+");
    }

    /** The search text as the stored spellings are written: lower case, no spaces. */
    static String normalise(String text) {
        return text.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static Set<String> readings(char c) {
        Set<String> out = new LinkedHashSet<>();
        if (c < 128) {
            if (Character.isLetterOrDigit(c)) {
                out.add(String.valueOf(Character.toLowerCase(c)));
            }
            return out;
        }
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (all != null) {
                for (String r : all) {
                    if (!r.isEmpty()) {
                        out.add(r);
                    }
                }
            }
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static List<String> combine(List<String> prefixes, Set<String> endings) {
        List<String> out = new ArrayList<>();
        for (String p : prefixes) {
            for (String e : endings) {
                if (out.size() < MAX_VARIANTS) {
                    out.add(p + e);
                }
            }
        }
        return out;
    }
}

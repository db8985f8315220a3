package org.capgov.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The 20,000 most common passwords of Royce Williams' list, lowercased, as shipped by Django
 * ({@code django/contrib/auth/common-passwords.txt.gz}, BSD-3-Clause; see {@code identity/common-passwords.README}
 * beside the list). A password is common when its lowercase form is on the list, or its core is: the password
 * without the digits and symbols before its first and after its last letter ({@code Passw0rd!!} → {@code passw0rd},
 * {@code Welcome2026!} → {@code welcome}), since decorating a common word is the usual way round a class rule.
 */
final class CommonPasswords {

    static final String RESOURCE = "/identity/common-passwords.txt.gz";
    /** A shorter core (e.g. "abc" of "abc-123456789") says little; such passwords are left to the other rules. */
    private static final int MIN_CORE = 4;

    private static final class List {
        static final Set<String> WORDS = load();
    }

    private CommonPasswords() {
    }

    static boolean contains(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (List.WORDS.contains(lower)) {
            return true;
        }
        String core = core(lower);
        return core.length() >= MIN_CORE && List.WORDS.contains(core);
    }

    static int size() {
        return List.WORDS.size();
    }

    static String core(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }

    private static Set<String> load() {
        try (InputStream raw = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Set<String> words = new HashSet<>(40_000);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.UTF_8))) {
                in.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(words::add);
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

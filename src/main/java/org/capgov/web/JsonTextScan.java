package org.capgov.web;

import java.util.Optional;

/**
 * Finds the first JSON string that carries a control character (raw or escaped: {@code \u0000}, {@code \b},
 * {@code \u001f} …; tab, line feed and carriage return are text) or is longer than a limit, and names the member it
 * belongs to: the last object key read before it. A lexical scan, not a parser: a body that is not JSON at all is
 * left to the JSON reader to refuse.
 */
final class JsonTextScan {

    /** No control character. */
    static final int NONE = -1;

    /**
     * A string at fault: the member it belongs to ("body" outside any), and why: the first control character in it
     * ({@link #NONE} if none), or its length.
     */
    record Fault(String field, int control, int length) {

        /** The string carries a control character (rather than being too long). */
        boolean forbidden() {
            return control != NONE;
        }

        boolean nul() {
            return control == 0;
        }
    }

    private JsonTextScan() {
    }

    /**
     * True for the characters no text field takes: C0 controls other than tab, line feed and carriage return, and
     * DEL. PostgreSQL cannot store NUL at all; the others are invisible, break exports and notices, and have no
     * business in a name, a note or a search.
     */
    static boolean isControl(int c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F;
    }

    /** The first control character of {@code text} (see {@link #isControl}), or {@link #NONE}. */
    static int firstControl(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return NONE;
    }

    static Optional<Fault> scan(String json, int maxLength) {
        String lastKey = null;
        int i = 0;
        int n = json.length();
        while (i < n) {
            char c = json.charAt(i);
            if (isControl(c)) {
                return Optional.of(new Fault(lastKey == null ? "body" : lastKey, c, 0));
            }
            if (c != '"') {
                i++;
                continue;
            }
            StringBuilder text = new StringBuilder();
            int length = 0;
            int control = NONE;
            i++;
            while (i < n && json.charAt(i) != '"') {
                char s = json.charAt(i);
                int decoded = s;
                if (s == '\\' && i + 1 < n) {
                    char e = json.charAt(i + 1);
                    decoded = escaped(json, i + 1);
                    i += e == 'u' ? 5 : 1;
                } else if (length < 200) {
                    text.append(s);
                }
                if (control == NONE && isControl(decoded)) {
                    control = decoded;
                }
                length++;
                i++;
            }
            i++;
            int next = i;
            while (next < n && Character.isWhitespace(json.charAt(next))) {
                next++;
            }
            boolean isKey = next < n && json.charAt(next) == ':';
            if (control != NONE || length > maxLength) {
                return Optional.of(new Fault(isKey || lastKey == null ? "body" : lastKey, control, length));
            }
            if (isKey) {
                lastKey = text.toString();
            }
        }
        return Optional.empty();
    }

    /** The character an escape stands for ({@code at} is the letter after the backslash); malformed gives a letter. */
    private static int escaped(String json, int at) {
        char e = json.charAt(at);
        return switch (e) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                int code = 0;
                for (int k = at + 1; k <= at + 4; k++) {
                    int digit = k < json.length() ? Character.digit(json.charAt(k), 16) : -1;
                    if (digit < 0) {
                        yield 'u';
                    }
                    code = code * 16 + digit;
                }
                yield code;
            }
            default -> e;
        };
    }
}

package org.capgov.web;

import java.util.Optional;

/**
 * Finds the first JSON string that carries a NUL character (raw or written {@code \u0000}) or is longer than a
 * limit, and names the member it belongs to: the last object key read before it. A lexical scan, not a parser: a
 * body that is not JSON at all is left to the JSON reader to refuse.
 */
final class JsonTextScan {

    /** A string at fault: the member it belongs to ("body" outside any), and why. */
    record Fault(String field, boolean nul, int length) {
    }

    private JsonTextScan() {
    }

    static Optional<Fault> scan(String json, int maxLength) {
        String lastKey = null;
        int i = 0;
        int n = json.length();
        while (i < n) {
            char c = json.charAt(i);
            if (c == '\0') {
                return Optional.of(new Fault(lastKey == null ? "body" : lastKey, true, 0));
            }
            if (c != '"') {
                i++;
                continue;
            }
            StringBuilder text = new StringBuilder();
            int length = 0;
            boolean nul = false;
            i++;
            while (i < n && json.charAt(i) != '"') {
                char s = json.charAt(i);
                if (s == '\0') {
                    nul = true;
                } else if (s == '\\' && i + 1 < n) {
                    char e = json.charAt(i + 1);
                    if (e == 'u' && i + 5 < n && json.substring(i + 2, i + 6).equals("0000")) {
                        nul = true;
                    }
                    i += e == 'u' ? 5 : 1;
                } else if (length < 200) {
                    text.append(s);
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
            if (nul || length > maxLength) {
                return Optional.of(new Fault(isKey || lastKey == null ? "body" : lastKey, nul, length));
            }
            if (isKey) {
                lastKey = text.toString();
            }
        }
        return Optional.empty();
    }
}

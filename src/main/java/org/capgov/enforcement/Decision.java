package org.capgov.enforcement;

import java.util.Arrays;

/**
 * A policy's answer: allowed, or refused with a reason (a message key of i18n/enforcement with its arguments; in
 * Chinese e.g. 延期申请已使用一次). {@code policy} names the rule that refused, for logs and tests.
 */
public record Decision(boolean allowed, String policy, String reasonKey, Object[] args) {

    public static final Decision ALLOWED = new Decision(true, null, null, new Object[0]);

    public static Decision refuse(String policy, String reasonKey, Object... args) {
        return new Decision(false, policy, reasonKey, args);
    }

    public Decision and(java.util.function.Supplier<Decision> next) {
        return allowed ? next.get() : this;
    }

    @Override
    public String toString() {
        return allowed ? "allowed" : policy + ": " + reasonKey + Arrays.toString(args);
    }
}

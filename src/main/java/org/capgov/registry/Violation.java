package org.capgov.registry;

/** One thing wrong with a value: the field (e.g. {@code parameters.volume_m3}), the value and a Chinese reason. */
public record Violation(String field, String value, String reason) {
}

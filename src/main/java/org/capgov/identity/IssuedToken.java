package org.capgov.identity;

import java.time.Instant;

/** A token as handed to its holder, once: {@code {"token":"…","expiresAt":"…"}}. */
public record IssuedToken(String token, Instant expiresAt) {
}

package org.capgov.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * SM3 (GB/T 32905) over an unambiguous encoding of an entry and the hash before it. Each field is written as its
 * length and its text, so that moving characters between fields changes the hash.
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(long id, Instant recordedAt, String actor, String actorIp, String action, String entityType,
            String entityId, String regionPath, String summary, String before, String after, String prevHash) {
        StringBuilder text = new StringBuilder(256);
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt);
        for (String field : new String[] {Long.toString(id), Long.toString(micros), actor, actorIp, action, entityType,
                entityId, regionPath, summary, before, after, prevHash}) {
            if (field == null) {
                text.append("-1:");
            } else {
                text.append(field.length()).append(':').append(field);
            }
            text.append('|');
        }
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    static String of(AuditEntry e) {
        return of(e.id(), e.recordedAt(), e.actor(), e.actorIp(), e.action(), e.entityType(), e.entityId(),
                e.regionPath(), e.summary(), e.beforeState(), e.afterState(), e.prevHash());
    }
}

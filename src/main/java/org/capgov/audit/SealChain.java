package org.capgov.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the sealed chain, in plain Java: how entries are sealed after the head, and what a walk over the seals
 * in position order finds. A seal's hash is SM3 over its entry and the previous seal's hash ({@link AuditHash}), the
 * same formula the chain used before entries were sealed apart from their transaction, so the seals of the entries
 * written before (V100) and after verify alike (docs/decisions/audit-chain-throughput.md).
 */
final class SealChain {

    /** The newest seal: its position and hash (position 0 and the genesis hash for an empty chain). */
    record Head(long position, String hash) {
        static final Head EMPTY = new Head(0, AuditHash.GENESIS);
    }

    /** One seal: the entry at a position, the previous seal's hash, and its own hash. */
    record Seal(long position, long entryId, String prevHash, String hash) {
    }

    private SealChain() {
    }

    /** Seals {@code entries}, in the order given, after {@code head}. */
    static List<Seal> extend(Head head, List<AuditEntry> entries) {
        List<Seal> seals = new ArrayList<>(entries.size());
        long position = head.position();
        String prev = head.hash();
        for (AuditEntry e : entries) {
            String hash = hashOf(e, prev);
            seals.add(new Seal(++position, e.id(), prev, hash));
            prev = hash;
        }
        return seals;
    }

    static String hashOf(AuditEntry e, String prevHash) {
        return AuditHash.of(e.id(), e.recordedAt(), e.actor(), e.actorIp(), e.action(), e.entityType(), e.entityId(),
                e.regionPath(), e.summary(), e.beforeState(), e.afterState(), prevHash);
    }

    /**
     * A walk over the seals in position order. Each step gets the seal and its entry (null when the entry is gone) and
     * returns the first problem found, if any; after a problem the walk has nothing more to say.
     */
    static final class Walk {

        private String expectedPrev = AuditHash.GENESIS;
        private long lastPosition;
        private long sealed;
        private String problem;

        /** The reason this seal breaks the chain, or null when it continues it. */
        String step(Seal seal, AuditEntry entry) {
            if (problem != null) {
                return null;
            }
            sealed++;
            if (seal.position() <= lastPosition) {
                problem = "封存位置未递增（封存记录被插入或改动）";
            } else if (!seal.prevHash().equals(expectedPrev)) {
                problem = "prev_hash 与前一条封存的哈希不一致（记录或其封存被删除、插入或改动）";
            } else if (entry == null) {
                problem = "已封存的记录已不在审计日志中（记录被删除）";
            } else if (entry.id() != seal.entryId() || !hashOf(entry, seal.prevHash()).equals(seal.hash())) {
                problem = "内容与哈希不一致（记录被改动）";
            }
            lastPosition = seal.position();
            expectedPrev = seal.hash();
            return problem;
        }

        /** Seals walked, up to and including the first broken one. */
        long sealed() {
            return sealed;
        }
    }
}

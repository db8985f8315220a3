package org.capgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sealed chain's rules without a database: sealing after a head, and what a walk finds. */
class SealChainTest {

    private static AuditEntry entry(long id, String after) {
        return new AuditEntry(id, Instant.parse("2026-12-07T08:00:00Z").plusSeconds(id), "t.seal", null, "CREATE",
                "test", "e-" + id, "/500000/", null, null, after, null, null);
    }

    private static final List<AuditEntry> ENTRIES = List.of(entry(7, "{\"a\":1}"), entry(9, "{\"a\":2}"),
            entry(8, "{\"a\":3}"));

    @Test
    void sealsFollowTheHeadInTheOrderGivenNotTheIds() {
        List<SealChain.Seal> seals = SealChain.extend(new SealChain.Head(41, "f".repeat(64)), ENTRIES);
        assertThat(seals).extracting(SealChain.Seal::position).containsExactly(42L, 43L, 44L);
        assertThat(seals).extracting(SealChain.Seal::entryId).containsExactly(7L, 9L, 8L);
        assertThat(seals.get(0).prevHash()).isEqualTo("f".repeat(64));
        assertThat(seals.get(1).prevHash()).isEqualTo(seals.get(0).hash());
        assertThat(seals.get(2).prevHash()).isEqualTo(seals.get(1).hash());
        // the formula of the chain before seals: SM3 over the entry and the previous hash
        assertThat(seals.get(0).hash()).isEqualTo(AuditHash.of(new AuditEntry(7, ENTRIES.get(0).recordedAt(), "t.seal",
                null, "CREATE", "test", "e-7", "/500000/", null, null, "{\"a\":1}", "f".repeat(64), null)));
    }

    @Test
    void anIntactChainWalksWithoutAProblem() {
        List<SealChain.Seal> seals = SealChain.extend(SealChain.Head.EMPTY, ENTRIES);
        SealChain.Walk walk = new SealChain.Walk();
        for (int i = 0; i < seals.size(); i++) {
            assertThat(walk.step(seals.get(i), ENTRIES.get(i))).isNull();
        }
        assertThat(walk.sealed()).isEqualTo(3);
    }

    @Test
    void aChangedEntryIsFoundAtItsSeal() {
        List<SealChain.Seal> seals = SealChain.extend(SealChain.Head.EMPTY, ENTRIES);
        SealChain.Walk walk = new SealChain.Walk();
        assertThat(walk.step(seals.get(0), ENTRIES.get(0))).isNull();
        assertThat(walk.step(seals.get(1), entry(9, "{\"a\":999}"))).contains("被改动");
        // after the first problem the walk says nothing more
        assertThat(walk.step(seals.get(2), ENTRIES.get(2))).isNull();
        assertThat(walk.sealed()).isEqualTo(2);
    }

    @Test
    void aDeletedEntryIsFoundAtItsSealAndADeletedSealAtTheNext() {
        List<SealChain.Seal> seals = SealChain.extend(SealChain.Head.EMPTY, ENTRIES);
        SealChain.Walk entryGone = new SealChain.Walk();
        assertThat(entryGone.step(seals.get(0), ENTRIES.get(0))).isNull();
        assertThat(entryGone.step(seals.get(1), null)).contains("已不在审计日志中");

        SealChain.Walk sealGone = new SealChain.Walk();
        assertThat(sealGone.step(seals.get(0), ENTRIES.get(0))).isNull();
        assertThat(sealGone.step(seals.get(2), ENTRIES.get(2))).contains("prev_hash");
    }

    @Test
    void aSealMovedToAnotherEntryOrBackwardsIsFound() {
        List<SealChain.Seal> seals = SealChain.extend(SealChain.Head.EMPTY, ENTRIES);
        SealChain.Walk swapped = new SealChain.Walk();
        assertThat(swapped.step(seals.get(0), ENTRIES.get(1))).contains("被改动");

        SealChain.Walk backwards = new SealChain.Walk();
        SealChain.Seal first = seals.get(0);
        assertThat(backwards.step(first, ENTRIES.get(0))).isNull();
        SealChain.Seal second = seals.get(1);
        assertThat(backwards.step(new SealChain.Seal(first.position(), second.entryId(), second.prevHash(),
                second.hash()), ENTRIES.get(1))).contains("未递增");
    }
}

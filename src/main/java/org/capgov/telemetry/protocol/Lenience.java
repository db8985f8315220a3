package org.capgov.telemetry.protocol;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Tolerances that act on the parsed values rather than on the frame: today the 2005 factor codes, rewritten to their
 * 2017 equivalents (docs/reference/hj212.md §5) when the logger's lenient mode allows it.
 */
public final class Lenience {

    /** The packet after rewriting, and the tolerances that were needed. */
    public record Applied(Hj212Packet packet, Set<Tolerance> used) {
    }

    private Lenience() {
    }

    public static Applied apply(Hj212Packet p, Set<Tolerance> tolerances) {
        if (!tolerances.contains(Tolerance.FACTOR_CODES_2005)) {
            return new Applied(p, Set.of());
        }
        boolean changed = false;
        List<FactorValue> out = new ArrayList<>(p.factors().size());
        for (FactorValue v : p.factors()) {
            String code = Hj212Factors.of(v.code()).isPresent() ? null : Hj212Factors.from2005(v.code()).orElse(null);
            if (code == null) {
                out.add(v);
            } else {
                changed = true;
                out.add(new FactorValue(code, v.rtd(), v.avg(), v.min(), v.max(), v.cou(), v.flag(), v.sampleTime()));
            }
        }
        if (!changed) {
            return new Applied(p, Set.of());
        }
        return new Applied(new Hj212Packet(p.qn(), p.qnTime(), p.st(), p.cn(), p.pw(), p.mn(), p.flag(), p.pnum(),
                p.pno(), p.dataTime(), List.copyOf(out), p.parameters(), p.segment()), EnumSet.of(Tolerance.FACTOR_CODES_2005));
    }
}

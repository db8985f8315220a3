package org.capgov.capacity.target;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.capgov.enforcement.lists.ExitListEntry;
import org.capgov.enforcement.lists.PublicLists;
import org.capgov.shared.ChinaTime;
import org.springframework.stereotype.Component;

/**
 * Exits that enforcement verified and announced (the annual exit lists, seed 001 五: "拆除完毕后……公告"), read through
 * enforcement's named interface {@code lists}. An elimination target counts them beside the registry's EXITED /
 * DISMANTLED statuses (readings, capacity: an exit counts once, by its equipment item, whichever records it first).
 */
@Component
class EnforcedExits {

    private final PublicLists lists;
    private final Clock clock;

    EnforcedExits(PublicLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    /** The announced exit items of {@code product} in {@code regionCode}'s subtree announced from {@code from} to {@code to}. */
    List<ExitListEntry> announced(String product, String regionCode, LocalDate from, LocalDate to) {
        LocalDate today = ChinaTime.today(clock);
        List<ExitListEntry> out = new ArrayList<>();
        for (int year = Math.max(from.getYear(), 2000); year <= Math.min(to.getYear(), today.getYear()); year++) {
            LocalDate end = LocalDate.of(year, 12, 31);
            LocalDate asOf = end.isAfter(to) ? to : end;
            asOf = asOf.isAfter(today) ? today : asOf;
            lists.forEachExit(lists.query(Integer.toString(year), regionCode, asOf.toString(), null, null), e -> {
                if (product.equals(e.product()) && e.announcedOn() != null && !e.announcedOn().isBefore(from)
                        && !e.announcedOn().isAfter(to) && e.capacity() != null) {
                    out.add(e);
                }
            });
        }
        return out;
    }

    /** The capacity of {@code exits} whose equipment item is not among {@code counted} ("uscc/code"). */
    static BigDecimal notYetCounted(List<ExitListEntry> exits, java.util.Set<String> counted) {
        BigDecimal sum = BigDecimal.ZERO;
        java.util.Set<String> seen = new java.util.HashSet<>(counted);
        for (ExitListEntry e : exits) {
            String key = e.enterprise().uscc() + "/" + (e.equipmentCode() == null ? "*" : e.equipmentCode());
            boolean enterpriseCounted = e.equipmentCode() == null
                    && seen.stream().anyMatch(k -> k.startsWith(e.enterprise().uscc() + "/"));
            if (!enterpriseCounted && seen.add(key)) {
                sum = sum.add(e.capacity());
            }
        }
        return sum;
    }
}

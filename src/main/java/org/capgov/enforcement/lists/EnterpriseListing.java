package org.capgov.enforcement.lists;

import java.time.LocalDate;
import java.util.List;
import org.capgov.enforcement.RedListCase;
import org.capgov.enforcement.YellowListCase;

/**
 * The lists one enterprise appears on as of a date, for its public page: its open rectification cases (yellow), the
 * cases that put it on the red list, and its announced exits up to that date (every year).
 */
public record EnterpriseListing(long enterpriseId, LocalDate asOf, List<YellowListCase> yellow, List<RedListCase> red,
        List<ExitListEntry> exits) {

    public boolean onYellowList() {
        return !yellow.isEmpty();
    }

    public boolean onRedList() {
        return !red.isEmpty();
    }
}

package org.capgov.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.capgov.enforcement.EnterpriseListing;
import org.capgov.enforcement.ExitListEntry;
import org.capgov.enforcement.PublicLists;
import org.capgov.enforcement.RedListCase;
import org.capgov.enforcement.YellowListCase;
import org.springframework.stereotype.Service;

/**
 * The public lists (yellow, red, annual exit) an enterprise appears on, and the cases behind them, read from the
 * enforcement module's public read API. Cases that put the enterprise on no list (a closed rectification) are not
 * shown yet: {@code casesAvailable} stays false until enforcement offers a public case read API, so that the page
 * says so rather than suggesting a clean record.
 */
@Service
public class PublicEnterpriseEnforcement {

    public record Summary(boolean listsAvailable, LocalDate asOf, List<YellowListCase> yellow, List<RedListCase> red,
            List<ExitListEntry> exits, boolean casesAvailable) {
    }

    private final PublicLists lists;
    private final PublicEnterpriseRepository enterprises;

    PublicEnterpriseEnforcement(PublicLists lists, PublicEnterpriseRepository enterprises) {
        this.lists = lists;
        this.enterprises = enterprises;
    }

    public Summary of(String uscc, LocalDate asOf) {
        Optional<Long> id = enterprises.idOf(uscc);
        if (id.isEmpty()) {
            return new Summary(true, asOf, List.of(), List.of(), List.of(), false);
        }
        EnterpriseListing l = lists.listsOf(id.get(), asOf);
        return new Summary(true, l.asOf(), l.yellow(), l.red(), l.exits(), false);
    }

    /**
     * The department handling a listed case of the enterprise (yellow or red list), for routing a report about it;
     * empty when the case is not one of the enterprise's listed cases.
     */
    public Optional<String> departmentOf(String uscc, String caseId, LocalDate asOf) {
        Summary s = of(uscc, asOf);
        return s.yellow().stream().filter(c -> c.caseId().equals(caseId)).map(YellowListCase::departmentCode).findFirst()
                .or(() -> s.red().stream().filter(c -> c.caseId().equals(caseId)).map(RedListCase::departmentCode)
                        .findFirst());
    }
}

package org.capgov.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.capgov.enforcement.lists.EnterpriseListing;
import org.capgov.enforcement.lists.ExitListEntry;
import org.capgov.enforcement.lists.PublicCase;
import org.capgov.enforcement.lists.PublicCases;
import org.capgov.enforcement.lists.PublicLists;
import org.capgov.enforcement.RedListCase;
import org.capgov.enforcement.YellowListCase;
import org.springframework.stereotype.Service;

/**
 * The public lists (yellow, red, annual exit) an enterprise appears on, and every case of the enterprise, open and
 * closed, newest first, read from the enforcement module's public read APIs. The cases include those that put it on no
 * list (a rectification verified compliant), so that the page shows the whole enforcement record, not only the lists.
 */
@Service
public class PublicEnterpriseEnforcement {

    public record Summary(boolean listsAvailable, LocalDate asOf, List<YellowListCase> yellow, List<RedListCase> red,
            List<ExitListEntry> exits, List<PublicCase> cases) {
    }

    private final PublicLists lists;
    private final PublicCases cases;
    private final PublicEnterpriseRepository enterprises;

    PublicEnterpriseEnforcement(PublicLists lists, PublicCases cases, PublicEnterpriseRepository enterprises) {
        this.lists = lists;
        this.cases = cases;
        this.enterprises = enterprises;
    }

    public Summary of(String uscc, LocalDate asOf) {
        Optional<Long> id = enterprises.idOf(uscc);
        if (id.isEmpty()) {
            return new Summary(true, asOf, List.of(), List.of(), List.of(), List.of());
        }
        EnterpriseListing l = lists.listsOf(id.get(), asOf);
        return new Summary(true, l.asOf(), l.yellow(), l.red(), l.exits(), cases.of(id.get()));
    }

    /**
     * The department handling a listed case of the enterprise (yellow or red list), for routing a report about it;
     * empty when the case is not one of the enterprise's listed cases.
     */
    public Optional<String> departmentOf(String uscc, String caseId, LocalDate asOf) {
        Optional<Long> id = enterprises.idOf(uscc);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        EnterpriseListing s = lists.listsOf(id.get(), asOf);
        return s.yellow().stream().filter(c -> c.caseId().equals(caseId)).map(YellowListCase::departmentCode).findFirst()
                .or(() -> s.red().stream().filter(c -> c.caseId().equals(caseId)).map(RedListCase::departmentCode)
                        .findFirst());
    }
}

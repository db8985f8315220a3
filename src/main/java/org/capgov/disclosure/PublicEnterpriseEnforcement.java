package org.capgov.disclosure;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Cases and public lists (yellow, red, annual exit) an enterprise appears on, read from the enforcement module.
 * Until enforcement offers a public read API this says so ({@code available = false}) and lists nothing: a public
 * page must not show an enterprise as clean merely because the lists are not connected yet.
 */
@Service
public class PublicEnterpriseEnforcement {

    /** A case as disclosed: number, kind, dimension, state, opening date and deadline; no people, no internal notes. */
    public record PublicCase(String id, String kind, String dimension, String state, LocalDate openedOn,
            LocalDate deadline, LocalDate closedOn) {
    }

    /** A list the enterprise is on: YELLOW, RED or EXIT, since when. */
    public record ListEntry(String list, LocalDate since) {
    }

    public record Summary(boolean available, List<PublicCase> cases, List<ListEntry> lists) {
    }

    public Summary of(String uscc, LocalDate asOf) {
        return new Summary(false, List.of(), List.of());
    }
}

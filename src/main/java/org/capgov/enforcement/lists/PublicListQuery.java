package org.capgov.enforcement.lists;

import java.time.LocalDate;

/**
 * A checked request for a public list (see {@link PublicLists#query}): the list as of {@code asOf}; {@code year} is the
 * announcement year of the exit list (null on the other lists unless asked for); {@code regionPath} null for
 * everywhere, else the subtree of {@code regionCode}. {@code page} counts from 0.
 */
public record PublicListQuery(LocalDate asOf, Integer year, String regionCode, String regionPath, int page, int size) {

    public PublicListQuery withPage(int page, int size) {
        return new PublicListQuery(asOf, year, regionCode, regionPath, page, size);
    }

    long offset() {
        return (long) page * size;
    }
}

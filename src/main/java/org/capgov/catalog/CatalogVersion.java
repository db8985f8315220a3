package org.capgov.catalog;

import java.time.Instant;

/**
 * A catalogue version as people see it: its label, state and history. {@code state} is DRAFT, PUBLISHED,
 * SUPERSEDED, or DISCARDED (a draft given up without being published; stored as SUPERSEDED without a publication
 * date, since the schema knows three statuses). {@code basedOn} is the label of the version a draft was copied from;
 * {@code sourceHash} is set only for versions loaded from the data files.
 */
public record CatalogVersion(int id, String label, String state, String basedOn, String sourceHash, String note,
        Instant createdAt, String createdBy, Instant publishedAt, String publishedBy) {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String SUPERSEDED = "SUPERSEDED";
    public static final String DISCARDED = "DISCARDED";

    public boolean draft() {
        return DRAFT.equals(state);
    }

    public boolean published() {
        return PUBLISHED.equals(state);
    }

    public boolean fromFiles() {
        return sourceHash != null;
    }

    CatalogRepository.Version asVersion() {
        return new CatalogRepository.Version(id, label, DISCARDED.equals(state) ? SUPERSEDED : state, sourceHash);
    }
}

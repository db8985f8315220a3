package org.capgov.catalog;

import java.time.LocalDate;

/** A policy document or standard the catalogue cites. {@code jurisdiction} null = national. */
public record SourceDocument(String id, String number, String title, String issuer, String level, String jurisdiction,
        LocalDate published, LocalDate effective, LocalDate expires, String supersededBy, String seed) {
}

package org.capgov.catalog;

import java.util.List;

/**
 * One entry a version adds, changes or withdraws against another: {@code entry} DOCUMENT, RULE, ELIMINATION or
 * TARGET; {@code change} ADDED, CHANGED or WITHDRAWN; for CHANGED the fields with their old and new values.
 */
public record CatalogChange(String entry, String id, String documentId, String change, List<Field> fields) {

    public record Field(String field, Object from, Object to) {
    }
}

package org.capgov.catalog;

import java.time.LocalDate;

/**
 * A product added to the monitored list of seed 000 二、（八） (57 products, not listed by the seed) through a
 * catalogue draft: which product, from when, and the document and words that put it under monitoring.
 */
public record MonitoredProduct(String id, String documentId, String product, LocalDate effectiveFrom, Citation citation) {

    /** The entry id of a product's addition. */
    public static String idOf(String product) {
        return "MONITORED-" + product.replace('_', '-');
    }
}

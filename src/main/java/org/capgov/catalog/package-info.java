/**
 * The standards catalogue: source documents, rules with citations, elimination items and targets, versioned in the
 * database. Version content comes from the data files under {@code src/main/resources/catalog/} (FORMAT.md there).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.capgov.catalog;

package org.capgov.catalog;

/** Where a value comes from: the document, its section, the standard it names, and the quoted words. */
public record Citation(String document, String section, String standard, String text) {
}

package org.capgov.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The catalogue as the data files hold it, for tests of other modules that judge against the real seeds. */
public final class CatalogFixtures {

    private static Catalog files;

    private CatalogFixtures() {
    }

    public static synchronized Catalog files() {
        if (files == null) {
            try {
                files = CatalogFiles.read("files").catalogue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}

package org.capgov.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The catalogue as the data files hold it, for tests of other modules that judge against the real seeds. */
public final class CatalogueFixtures {

    private static Catalogue files;

    private CatalogueFixtures() {
    }

    public static synchronized Catalogue files() {
        if (files == null) {
            try {
                files = CatalogueFiles.read("files").catalogue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}

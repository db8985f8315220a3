package org.capgov.catalog;

import org.capgov.identity.SystemActor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Publishes the catalogue data files at start-up when their content is new. */
@Component
@Order(3)
class CatalogLoader implements ApplicationRunner {

    private final CatalogService catalog;

    CatalogLoader(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(catalog::synchroniseWithFiles);
    }
}

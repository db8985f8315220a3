package org.capgov;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the module structure of ARCHITECTURE.md: no cycles, no reaching into another module's internals. */
class ModularityTests {

    @Test
    void modulesAreWellFormed() {
        ApplicationModules modules = ApplicationModules.of(CapgovApplication.class);
        modules.verify();
    }
}

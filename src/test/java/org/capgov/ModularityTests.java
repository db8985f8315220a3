package org.capgov;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module structure of docs/architecture.md: no cycles, no reaching into another module's internals (a
 * module's sub-packages are internal unless exposed as a named interface). Also writes the module documentation
 * (component diagrams and module canvases) to target/spring-modulith-docs, as docs/architecture.md explains.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CapgovApplication.class);

    @Test
    void modulesAreWellFormed() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}

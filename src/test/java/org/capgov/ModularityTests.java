package org.capgov;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module structure of docs/architecture.md: no cycles, no reaching into another module's internals (a
 * module's sub-packages are internal unless exposed as a named interface). Also writes the module diagrams to
 * target/spring-modulith-docs, as docs/architecture.md explains.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CapgovApplication.class);

    @Test
    void modulesAreWellFormed() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        // the diagrams only: the module canvases of Spring Modulith 2.1.1 fail here on parsing the Javadoc metadata
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}

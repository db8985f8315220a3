package org.capgov;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module structure of docs/architecture.md: no cycles, no reaching into another module's internals (a
 * module's sub-packages are internal unless exposed as a named interface). Also writes the module diagrams and the
 * module canvases to target/spring-modulith-docs, as docs/architecture.md explains.
 */
class ModularityTests {

    /** Written by the spring-modulith-apt annotation processor while compiling; read by the canvases. */
    private static final Path JAVADOC = Path.of("target/generated-spring-modulith/javadoc.json");

    private final ApplicationModules modules = ApplicationModules.of(CapgovApplication.class);

    @Test
    void modulesAreWellFormed() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases()
                .writeAggregatingDocument();
        Path canvas = Path.of("target/spring-modulith-docs/module-registry.adoc");
        assertThat(canvas).exists();
        assertThat(Files.readString(canvas)).contains("`org.capgov.registry`").contains("EnterpriseService");
    }

    /**
     * The canvases read the Javadoc metadata with Spring Boot's small JSON parser, which counts brackets and braces
     * even inside strings: one Javadoc comment with an unpaired bracket (a half-open range written "[from, to)")
     * makes every canvas fail with "No signature found in source map". This names the comment instead.
     */
    @Test
    void javadocCommentsPairTheirBrackets() throws IOException {
        if (!Files.exists(JAVADOC)) {
            return;
        }
        List<String> unpaired = new ArrayList<>();
        for (String s : strings(Files.readString(JAVADOC))) {
            if (count(s, '[') != count(s, ']') || count(s, '{') != count(s, '}')) {
                unpaired.add(s);
            }
        }
        assertThat(unpaired).as("Javadoc comments with an unpaired bracket or brace (see docs/architecture.md)")
                .isEmpty();
    }

    /** The string literals of a JSON text, escapes left as written. */
    private static List<String> strings(String json) {
        List<String> strings = new ArrayList<>();
        StringBuilder current = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (current == null) {
                if (c == '"') {
                    current = new StringBuilder();
                }
            } else if (c == '\\' && i + 1 < json.length()) {
                current.append(c).append(json.charAt(++i));
            } else if (c == '"') {
                strings.add(current.toString());
                current = null;
            } else {
                current.append(c);
            }
        }
        return strings;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}

package org.capgov;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Comments and documents point into the repository: someone who clones capgov can follow every reference. A path
 * under docs/ must exist; nothing may point at a machine path or at guides that live outside the repository.
 */
class DocsReferencesTest {

    private static final List<Path> ROOTS = List.of(Path.of("src"), Path.of("docs"), Path.of("README.md"));
    /** Where references outside the repository used to point. */
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|/work/|\\bDOMAIN\\.md|\\bARCHITECTURE\\.md|"
            + "/home/|/tmp/|[A-Z]:\\\\");
    private static final Pattern DOCS_PATH = Pattern.compile("(?<![\\w/.])docs/[\\w/.-]+\\.md");

    @Test
    void noFilePointsOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = OUTSIDE.matcher(lines.get(i));
                if (m.find()) {
                    found.add(file + ":" + (i + 1) + " " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyReferenceIntoDocsExists() throws IOException {
        List<String> missing = new ArrayList<>();
        int references = 0;
        for (Path file : textFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = DOCS_PATH.matcher(text);
            while (m.find()) {
                references++;
                if (!Files.isRegularFile(Path.of(m.group()))) {
                    missing.add(file + " → " + m.group());
                }
            }
        }
        assertThat(references).as("references into docs/").isGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    private static List<Path> textFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(java|md|yaml|yml|properties|html|sql|tsv|txt)$"))
                        .filter(p -> !p.equals(Path.of("src/test/java/org/capgov/DocsReferencesTest.java")))
                        .forEach(files::add);
            }
        }
        return files;
    }
}

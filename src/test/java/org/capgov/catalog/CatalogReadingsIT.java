package org.capgov.catalog;

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
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The section 法规解读 of the coverage page over real HTTP lists every reading of the record files
 * docs/decisions/*-readings.md: the ids are taken from the files' headings, so a reading written down without an
 * entry in catalog/readings/readings.yaml fails here, as does an entry for a reading the files do not have.
 */
class CatalogReadingsIT extends IntegrationTest {

    static final Path DECISIONS = Path.of("docs", "decisions");
    /** A reading's heading: "## R1. …" or "### N3. …". */
    static final Pattern HEADING = Pattern.compile("^#{2,4}\\s+([A-Z]+\\d+)\\.\\s", Pattern.MULTILINE);
    static final Pattern ROW = Pattern.compile("<tr id=\"(reading-[^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestPeople testPeople;

    Http as(Role role) {
        testPeople.ensure(role);
        Http http = Http.browser(port);
        http.login(TestPeople.username(role), TestPeople.PASSWORD);
        return http;
    }

    /**
     * The record files whose readings are numbered (R1, N1 …). law-readings.md holds the general conventions the
     * catalogue was written with (comparison words, 原则上, stand-in dates, the legal clock) under plain headings.
     */
    static final List<String> NUMBERED = List.of("seed-readings.md", "enforcement-readings.md",
            "new-capacity-readings.md");

    /** reading-&lt;file&gt;-&lt;id&gt; for every reading heading of every record file. */
    static List<String> readingsOfTheDocs() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DECISIONS)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("-readings.md")).sorted().toList();
        }
        assertThat(files.stream().map(p -> p.getFileName().toString()))
                .contains("seed-readings.md", "enforcement-readings.md", "new-capacity-readings.md");
        List<String> anchors = new ArrayList<>();
        for (Path file : files) {
            String base = file.getFileName().toString().replace(".md", "");
            Matcher m = HEADING.matcher(Files.readString(file, StandardCharsets.UTF_8));
            int before = anchors.size();
            while (m.find()) {
                anchors.add("reading-" + base + "-" + m.group(1));
            }
            if (NUMBERED.contains(file.getFileName().toString())) {
                assertThat(anchors.size()).as("readings in " + file).isGreaterThan(before);
            }
        }
        return anchors;
    }

    static String section(String page) {
        int start = page.indexOf("id=\"catalog-readings\"");
        assertThat(start).as("section 法规解读").isGreaterThanOrEqualTo(0);
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void theCoveragePageListsEveryReadingOfTheRecordFiles() throws IOException {
        List<String> expected = readingsOfTheDocs();
        assertThat(expected).contains("reading-seed-readings-R8", "reading-enforcement-readings-R10",
                "reading-new-capacity-readings-N6");

        String section = section(CatalogPagesIT.body(as(Role.FINANCIAL_INSTITUTION).get("/catalog")));
        assertThat(section).contains("法规解读").contains("所解读的语句或条文").contains("所取解读");
        List<String> listed = new ArrayList<>();
        Matcher m = ROW.matcher(section);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).as("readings on the page against the headings of docs/decisions/*-readings.md")
                .containsExactlyInAnyOrderElementsOf(expected);

        for (String anchor : expected) {
            String row = section.substring(section.indexOf("id=\"" + anchor + "\""));
            row = row.substring(0, row.indexOf("</tr>"));
            String id = anchor.substring(anchor.lastIndexOf('-') + 1);
            assertThat(row).as(anchor).contains(">" + id + "<");
            assertThat(row.split("<td").length).as(anchor + " cells").isEqualTo(5);
        }
        String r2 = section.substring(section.indexOf("id=\"reading-seed-readings-R2\""));
        assertThat(r2.substring(0, r2.indexOf("</tr>"))).contains("DB50/418").contains("影响区");
        String r1 = section.substring(section.indexOf("id=\"reading-enforcement-readings-R1\""));
        assertThat(r1.substring(0, r1.indexOf("</tr>"))).contains("红牌");
    }

    @Test
    void theSectionHasEnglishLabels() {
        String section = section(CatalogPagesIT.body(as(Role.ENTERPRISE).get("/catalog?lang=en")));
        assertThat(section).contains("Readings of the rules").contains("Sentence or provision read")
                .contains("Reading taken").doesNotContain("??");
    }
}

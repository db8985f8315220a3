package org.capgov.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.CapgovApplication;
import org.capgov.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The README's first command, {@code ./mvnw spring-boot:run -Dspring-boot.run.profiles=demo}, as a test: the
 * application starts with the profile {@code demo} alone (not {@code test}) on a data directory of its own, next to
 * the shared test context, and must come up with its story told and its pages answering the demo accounts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoProfileIT {

    static final Path DATA_DIR = Path.of("target", "demo-profile-it");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private ConfigurableApplicationContext demo;
    private JdbcClient jdbc;
    private int port;

    @BeforeAll
    void startDemo() throws IOException {
        FileSystemUtils.deleteRecursively(DATA_DIR);
        demo = new SpringApplicationBuilder(CapgovApplication.class)
                .profiles("demo")
                // the application as it is shipped: the test classes' own beans (a movable clock, fixtures) stay out
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("demoProfileItExcludesTestClasses", new TestClassesExcluded()))
                // as command-line arguments: they outrank application.yml, whose data-dir and ports name the defaults
                .run("--capgov.data-dir=" + DATA_DIR.toAbsolutePath(),
                        "--server.port=0",
                        "--capgov.telemetry.port=0",
                        "--capgov.embedded-db.port=0",
                        "--capgov.embedded-db.shared-buffers=128MB",
                        "--capgov.embedded-db.max-wal-size=1GB",
                        "--capgov.demo.enterprises=400",
                        "--logging.level.root=WARN",
                        "--logging.level.org.capgov=INFO");
        jdbc = demo.getBean(JdbcClient.class);
        port = ((WebServerApplicationContext) demo).getWebServer().getPort();
        // the demo runs on its own directory and a free port, never on the defaults another capgov may be using
        assertThat(port).isNotEqualTo(8080);
        assertThat(demo.getEnvironment().getProperty("capgov.data-dir")).isEqualTo(DATA_DIR.toAbsolutePath().toString());
    }

    @AfterAll
    void stopDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theDemoDataIsLoaded() {
        assertThat(count("select count(*) from enterprise")).isGreaterThanOrEqualTo(400);
        assertThat(count("select count(*) from equipment")).isPositive();
        // the story: one case in every state of the flow in 涪陵区, the demo enterprise's own among them
        List<String> states = jdbc.sql("select distinct state from enforcement_case where region_path like :p")
                .param("p", regionPath(DemoStory.STORY_REGION) + "%").query(String.class).list();
        assertThat(states).contains("NOTICE_ISSUED", "EXTENSION_REQUESTED", "RECTIFICATION_SUBMITTED", "RECTIFIED",
                "RECTIFICATION_FAILED", "CLOSURE_PROPOSED", "CLOSURE_APPROVED", "EXIT_ORDERED", "ANNOUNCED");
        assertThat(count("select count(*) from enforcement_case e join enterprise n on n.id = e.enterprise_id "
                + "where n.uscc = '91500102MA5U8A1B06'")).isPositive();
        assertThat(count("select count(*) from evaluation_run")).isPositive();
        assertThat(count("select count(*) from output_report")).isPositive();
        assertThat(count("select count(*) from electricity_consumption")).isPositive();
        assertThat(count("select count(*) from power_lead")).isPositive();
        assertThat(count("select count(*) from supervision_task")).isPositive();
        assertThat(count("select count(*) from person where username in ('coordinator', 'fl.energy', 'enterprise')"))
                .isEqualTo(3);
    }

    @Test
    void theLoginPageListsTheDemoAccounts() {
        String page = Http.browser(port).get("/login").body();
        assertThat(page).contains("coordinator", "fl.energy", "enterprise", "Capgov-Demo-2026");
    }

    @Test
    void theCoordinatorsMainPagesAnswerInChinese() {
        Http coordinator = Http.browser(port);
        assertThat(coordinator.login("coordinator", "Capgov-Demo-2026")).doesNotContain("error");
        for (String path : List.of("/", "/registry/enterprises", "/compliance/runs", "/compliance/findings",
                "/enforcement/cases", "/capacity", "/capacity/output", "/pricing/surcharges", "/pricing/leads",
                "/supervision", "/inbox", "/audit", "/public")) {
            HttpResponse<String> r = coordinator.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            Matcher title = TITLE.matcher(r.body());
            assertThat(title.find()).as(path + " has a title").isTrue();
            assertThat(CHINESE.matcher(title.group(1)).find()).as(path + " title " + title.group(1)).isTrue();
        }
    }

    @Test
    void eachDemoAccountReachesItsHomePage() {
        for (String username : List.of("fl.energy", "fl.district", "enterprise", "bank", "grid", "observer")) {
            Http person = Http.browser(port);
            assertThat(person.login(username, "Capgov-Demo-2026")).as(username).doesNotContain("error");
            assertThat(person.get("/").statusCode()).as(username).isEqualTo(200);
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String regionPath(String code) {
        return jdbc.sql("select path from region where code = :c").param("c", code)
                .query(String.class).single();
    }

    /** Leaves out every class compiled from the test sources. */
    static final class TestClassesExcluded extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }
}

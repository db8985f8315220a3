package org.capgov.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.registry.exchange.ImportError;
import org.capgov.registry.exchange.ImportJob;
import org.capgov.registry.exchange.ImportService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The demo's import: a district list with three mistakes is refused as a whole, and its report names each row, column
 * and reason in Chinese; the import page shows it.
 */
class RegistryDemoImportIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ImportService imports;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestPeople testPeople;

    @Test
    void theDemoImportIsRefusedWithARowByRowReport() throws InterruptedException {
        testPeople.ensure(Role.COORDINATOR);
        RegistryDemoImport demo = new RegistryDemoImport(imports, users, jdbc, TestPeople.username(Role.COORDINATOR));
        ImportJob job = demo.submitAs(users.loadUserByUsername(TestPeople.username(Role.COORDINATOR)));
        long until = System.currentTimeMillis() + 120_000;
        while (!job.finished() && System.currentTimeMillis() < until) {
            Thread.sleep(200);
            long id = job.id();
            job = SystemActor.call(() -> imports.get(id));
        }
        assertThat(job.status()).as(job.message()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(job.inserted()).isZero();
        assertThat(job.errorCount()).isEqualTo(3);
        long id = job.id();
        List<ImportError> errors = SystemActor.call(() -> imports.errors(id, 10));
        assertThat(errors).extracting(ImportError::row).doesNotHaveDuplicates().hasSize(3);
        assertThat(errors).anySatisfy(e -> assertThat(e.value()).contains("500199"))
                .anySatisfy(e -> assertThat(e.value()).contains("STEEL_PLATE"));
        assertThat(errors).allSatisfy(e -> assertThat(e.reason()).matches(".*\\p{IsHan}.*"));
        assertThat(jdbc.sql("select count(*) from enterprise where name = '重庆涪陵示范建材有限公司'").query(Long.class).single())
                .isZero();

        Http browser = Http.browser(port);
        browser.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        String page = browser.get("/registry/imports/" + id).body();
        assertThat(page).contains(RegistryDemoImport.FILE_NAME).contains("500199");
    }
}

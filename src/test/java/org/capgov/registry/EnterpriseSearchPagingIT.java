package org.capgov.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.capgov.shared.DataScope;
import org.capgov.shared.Uscc;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A city's page read region by region and merged is the same page, in the same order, as one sorted query over the
 * whole subtree; a district filter (a leaf region) finds the same rows as its prefix. The enterprises are made in
 * the test's transaction, which rolls back.
 */
class EnterpriseSearchPagingIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnterpriseRepository repository;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void pagesMergedFromEachRegionEqualOneSortedQuery() {
        String token = "分页" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            String[] districts = {"500101", "500102", "500103", "500104"};
            for (int i = 0; i < 23; i++) {
                String district = districts[i % districts.length];
                String uscc = Uscc.compose("91", district, String.format("S7%06d", ThreadLocalRandom.current().nextInt(1_000_000)));
                // names deliberately interleave across districts; two share a name so the id breaks the tie
                String name = i == 5 || i == 9 ? token + "同名" : token + (char) ('甲' + (i * 7) % 23);
                jdbc.sql("""
                        insert into enterprise (uscc, name, region_code, region_path, industries, status, status_since)
                        select :uscc, :name, code, path, '{STEEL}', 'OPERATING', date '2020-01-01' from region where code = :d
                        on conflict (uscc) do nothing
                        """).param("uscc", uscc).param("name", name).param("d", district).update();
            }
            EnterpriseFilter filter = new EnterpriseFilter(token, "500000", "STEEL", null, null, null, null, null, false);
            List<String> cityPaths = jdbc.sql("select path from region where path like '/500000/%' order by path")
                    .query(String.class).list();
            EnterpriseRepository.Subtree city = new EnterpriseRepository.Subtree("/500000/", cityPaths);
            EnterpriseRepository.Page all = repository.search(filter, city, DataScope.all(), 0, 100);
            assertThat(all.rows()).hasSizeGreaterThanOrEqualTo(20);
            for (int page = 0; page < 4; page++) {
                List<Long> merged = repository.pageByBranches(filter, city, DataScope.all(), page, 6).stream()
                        .map(Enterprise::id).toList();
                List<Long> sorted = all.rows().stream().skip(page * 6L).limit(6).map(Enterprise::id).toList();
                assertThat(merged).as("page %d", page).isEqualTo(sorted);
            }
            EnterpriseFilter district = new EnterpriseFilter(token, "500102", "STEEL", null, null, null, null, null, false);
            var leaf = repository.search(district, new EnterpriseRepository.Subtree("/500000/500102/",
                    List.of("/500000/500102/")), DataScope.all(), 0, 100);
            var prefix = repository.search(district, new EnterpriseRepository.Subtree("/500000/500102/",
                    List.of("/500000/500102/", "/500000/500102/x/")), DataScope.all(), 0, 100);
            assertThat(leaf.rows()).isNotEmpty().extracting(Enterprise::id)
                    .containsExactlyElementsOf(prefix.rows().stream().map(Enterprise::id).toList());
            assertThat(leaf.total()).isEqualTo(prefix.total()).isEqualTo(leaf.rows().size());
            // the total is the same whether it comes from a short page or from the count
            EnterpriseRepository.Subtree only = new EnterpriseRepository.Subtree("/500000/500102/", List.of("/500000/500102/"));
            long n = leaf.total();
            assertThat(n).isGreaterThan(4);
            for (int page = 0; page <= 2; page++) {
                var p = repository.search(district, only, DataScope.all(), page, 4);
                assertThat(p.total()).as("page %d", page).isEqualTo(n);
                assertThat(p.totalCapped()).isFalse();
                assertThat(p.rows()).hasSize((int) Math.max(0, Math.min(4, n - page * 4L)));
            }
            tx.setRollbackOnly();
        });
    }
}

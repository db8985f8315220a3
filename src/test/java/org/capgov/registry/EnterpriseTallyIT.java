package org.capgov.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.capgov.identity.SystemActor;
import org.capgov.shared.DataScope;
import org.capgov.shared.ScopeGrant;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * enterprise_industry and the enterprise tally follow every insert, update and delete of enterprises (region, name,
 * industries, status), the tally before and after its deltas are folded; a search's total taken from the tally is the
 * number of matches and its page read from enterprise_industry is the page of the sorted query. Runs in a transaction
 * that rolls back.
 */
public class EnterpriseTallyIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnterpriseTally tally;
    @Autowired
    EnterpriseRepository repository;
    @Autowired
    EnterpriseService service;
    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Rows of enterprise_industry and groups of the tally that differ from the enterprises themselves (one snapshot
     * each).
     */
    public static long mismatches(JdbcClient jdbc) {
        long rows = jdbc.sql("""
                select count(*) from enterprise_industry x
                full join (select i.industry, e.region_path, e.name, e.id, e.status
                           from enterprise e cross join lateral (select distinct unnest(e.industries) as industry) i) c
                       on c.id = x.enterprise_id and c.industry = x.industry
                where (x.region_path, x.name, x.status) is distinct from (c.region_path, c.name, c.status)
                """).query(Long.class).single();
        return rows + jdbc.sql("""
                select count(*) from (
                    select region_path, industry, status, sum(n) as n from enterprise_tally
                    group by 1, 2, 3 having sum(n) <> 0) t
                full join (
                    select e.region_path, i.industry, e.status, count(*) as n
                    from enterprise e cross join lateral (select distinct unnest(e.industries) as industry) i
                    group by 1, 2, 3) c using (region_path, industry, status)
                where t.n is distinct from c.n
                """).query(Long.class).single();
    }

    @Test
    void followsEveryChangeAndGivesTheSearchTotal() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            assertThat(mismatches(jdbc)).isZero();
            String batch = "T" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
            // one statement, several rows: an industry named twice counts once
            jdbc.sql("""
                    insert into enterprise (uscc, name, region_code, region_path, industries, status, status_since)
                    select :prefix || lpad(g::text, 3, '0'), '计数测试' || g, r.code, r.path,
                           case when g % 3 = 0 then '{STEEL,CEMENT,STEEL}' else '{STEEL}' end::varchar[],
                           'OPERATING', date '2020-01-01'
                    from generate_series(1, 30) g join region r on r.code = case when g % 2 = 0 then '500102' else '500110' end
                    """).param("prefix", batch + "9150010").update();
            assertThat(mismatches(jdbc)).isZero();
            jdbc.sql("update enterprise set status = 'SUSPENDED' where uscc like :p and name like '%1_'")
                    .param("p", batch + "%").update();
            jdbc.sql("update enterprise set industries = '{FLAT_GLASS}' where uscc like :p and name like '%2_'")
                    .param("p", batch + "%").update();
            jdbc.sql("update enterprise set name = name || '改' where uscc like :p and name like '%5'")
                    .param("p", batch + "%").update();
            jdbc.sql("update enterprise set region_code = '500103', region_path = (select path from region where code = '500103') "
                    + "where uscc = :u").param("u", batch + "9150010001").update();
            // an update that changes nothing counted
            jdbc.sql("update enterprise set updated_at = now() where uscc like :p").param("p", batch + "%").update();
            jdbc.sql("delete from enterprise where uscc = :u").param("u", batch + "9150010002").update();
            assertThat(mismatches(jdbc)).isZero();

            tally.fold();
            assertThat(mismatches(jdbc)).isZero();
            assertThat(jdbc.sql("select count(*) from enterprise_tally where n = 0").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from (select 1 from enterprise_tally group by region_path, industry, status "
                    + "having count(*) > 1) d").query(Long.class).single()).as("one row per group after a fold").isZero();

            for (String status : new String[] {null, "OPERATING", "SUSPENDED"}) {
                EnterpriseFilter steel = new EnterpriseFilter(null, "500102", "STEEL", status, null, null, null, null, false);
                long real = jdbc.sql("select count(*) from enterprise where region_path like '/500000/500102/%' "
                        + "and industries @> '{STEEL}'" + (status == null ? "" : " and status = '" + status + "'"))
                        .query(Long.class).single();
                var subtree = new EnterpriseRepository.Subtree("/500000/500102/", List.of("/500000/500102/"));
                assertThat(tally.count(steel, subtree, DataScope.all())).hasValue(real);
                var page = repository.search(steel, subtree, DataScope.all(), 0, 5);
                assertThat(page.total()).isEqualTo(Math.min(real, EnterpriseRepository.COUNT_CAP));
                // a page past the end is empty without reading anything
                assertThat(repository.search(steel, subtree, DataScope.all(), (int) (real / 5) + 1, 5).rows()).isEmpty();
            }
            // a city's page from enterprise_industry is the page of one sorted query over the whole subtree
            List<String> cityPaths = jdbc.sql("select path from region where path like '/500000/%' order by path")
                    .query(String.class).list();
            var city = new EnterpriseRepository.Subtree("/500000/", cityPaths);
            for (String industry : new String[] {"CEMENT", "FLAT_GLASS", "STEEL"}) {
                EnterpriseFilter filter = new EnterpriseFilter(null, "500000", industry, null, null, null, null, null, false);
                for (int page : new int[] {0, 3}) {
                    List<Long> expected = jdbc.sql("select id from enterprise where region_path like '/500000/%' "
                            + "and industries @> cast(:i as varchar[]) order by name, id limit 7 offset :o")
                            .param("i", "{" + industry + "}").param("o", page * 7).query(Long.class).list();
                    assertThat(repository.pageByIndustry(filter, city, DataScope.all(), page, 7)).extracting(Enterprise::id)
                            .as("%s page %d", industry, page).containsExactlyElementsOf(expected);
                }
                assertThat(repository.search(filter, city, DataScope.all(), 0, 7).rows()).extracting(Enterprise::id)
                        .containsExactlyElementsOf(repository.pageByIndustry(filter, city, DataScope.all(), 0, 7).stream()
                                .map(Enterprise::id).toList());
            }
            // an industry without a region: every region's branch, the same first page as one sorted query
            EnterpriseFilter everywhere = new EnterpriseFilter(null, null, "CEMENT", null, null, null, null, null, false);
            List<Long> firstByName = jdbc.sql("select id from enterprise where industries @> '{CEMENT}' order by name, id limit 9")
                    .query(Long.class).list();
            long allCement = jdbc.sql("select count(*) from enterprise where industries @> '{CEMENT}'").query(Long.class).single();
            SystemActor.run(() -> {
                var found = service.search(everywhere, 0, 9);
                assertThat(found.rows()).extracting(Enterprise::id).containsExactlyElementsOf(firstByName);
                assertThat(found.total()).isEqualTo(Math.min(allCement, EnterpriseRepository.COUNT_CAP));
            });
            // a district officer's scope limits the tally as it limits the rows
            DataScope district = DataScope.of(List.of(new ScopeGrant("/500000/500110/", java.util.Set.of(), null)));
            EnterpriseFilter cityCement = new EnterpriseFilter(null, "500000", "CEMENT", null, null, null, null, null, false);
            long inDistrict = jdbc.sql("select count(*) from enterprise where region_path like '/500000/500110/%' "
                    + "and industries @> '{CEMENT}'").query(Long.class).single();
            assertThat(inDistrict).isPositive();
            assertThat(tally.count(cityCement, new EnterpriseRepository.Subtree("/500000/", List.of("/500000/")), district))
                    .hasValue(inDistrict);
            assertThat(repository.pageByIndustry(cityCement, city, district, 0, 50)).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.region()).isEqualTo("500110"));
            // filters the tally does not know are counted
            EnterpriseFilter text = new EnterpriseFilter("计数测试", "500000", "STEEL", null, null, null, null, null, false);
            assertThat(tally.count(text, null, DataScope.all())).isEmpty();
            EnterpriseFilter noIndustry = new EnterpriseFilter(null, "500000", null, null, null, null, null, null, false);
            assertThat(tally.count(noIndustry, null, DataScope.all())).isEmpty();
            tx.setRollbackOnly();
        });
    }
}

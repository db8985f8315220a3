package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import org.capgov.registry.EnterpriseTallyIT;

/**
 * A large, clean "insert only" CSV file is COPYed straight into the registry tables (ImportDirect). It must write
 * what the staging path writes, parents before and after their children included, and a file with a fault anywhere
 * must end exactly as under the staging path: every faulty row reported, nothing imported, the industry trigger on.
 */
class ImportDirectLoadIT extends ImportSupportIT {

    @Autowired
    ImportIndexBuilder indexBuilder;

    @Test
    void aCleanFirstLoadIsCopiedDirectlyWithEverythingInPlace() {
        int n = bulkSize();
        String elder = uscc("500102");
        assertThat(importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "elder.csv", utf8(csv(ENTERPRISE_HEADER,
                enterpriseRow(elder, "直接导入前已登记的企业", "500102", "STEEL")))).get("status").asString())
                .isEqualTo("SUCCEEDED");
        // a line the elder already has: the direct load of equipment must reuse it, not add a second
        assertThat(importFile(Role.COORDINATOR, "EQUIPMENT", "INSERT_ONLY", "elder-line.csv", utf8(csv(EQUIPMENT_HEADER,
                String.join(",", elder, "L1", "BF-OLD", "BLAST_FURNACE", "volume_m3=450", "PIG_IRON", "400000", "", "", "",
                        "")))).get("status").asString()).isEqualTo("SUCCEEDED");

        List<String> codes = codes(n);
        StringBuilder file = new StringBuilder(ENTERPRISE_HEADER).append("\r\n");
        for (int i = 0; i < n; i++) {
            // row 1 names row 6, which comes later; row 8 names row 2, which came before; row 3 names the elder
            String parent = i == 1 ? codes.get(6) : i == 8 ? codes.get(2) : i == 3 ? elder : "";
            file.append(String.join(",", codes.get(i), "直接导入测试企业" + i, i % 2 == 0 ? "500102" : "500110",
                    i % 5 == 0 ? "STEEL;COKING;STEEL" : "CEMENT", "", "", parent, i % 4 == 0 ? "D" + codes.get(i).substring(8, 17) : "",
                    i % 3 == 0 ? "SUSPENDED" : "", i % 3 == 0 ? "2024-01-02" : "", "")).append("\r\n");
        }
        JsonNode job = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "direct.csv", utf8(file.toString()));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("inserted").asLong()).isEqualTo(n);
        assertThat(method(job)).isEqualTo("DIRECT");
        // the GIN indexes (names, industries) are built after the commit, off the import's thread
        indexBuilder.awaitTables(List.of("enterprise"));
        assertThat(jdbc.sql("""
                select count(*) from pg_index where indisvalid
                  and indexrelid in (to_regclass('enterprise_name_trgm'), to_regclass('enterprise_industries'))
                """).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from deferred_index").query(Long.class).single()).isZero();
        assertThat(EnterpriseTallyIT.mismatches(jdbc)).as("enterprise_industry and the tally as the trigger keeps them").isZero();
        assertThat(industryTrigger()).isEqualTo("A");
        assertThat(parentOf(codes.get(1))).isEqualTo(codes.get(6));
        assertThat(parentOf(codes.get(8))).isEqualTo(codes.get(2));
        assertThat(parentOf(codes.get(3))).isEqualTo(elder);
        String[] u = codes.toArray(String[]::new);
        assertThat(withTheirOpenStatus(u)).isEqualTo(n);
        assertThat(jdbc.sql("""
                select count(*) from enterprise e join grid_account g on g.enterprise_id = e.id and g.valid_to is null
                where e.uscc = any(cast(:u as text[])) and g.account_no = 'D' || substr(e.uscc, 9, 9)
                """).param("u", u).query(Long.class).single()).isEqualTo((n + 3) / 4);
        assertThat(jdbc.sql("select industries::text from enterprise where uscc = :u").param("u", codes.get(0))
                .query(String.class).single()).as("an industry named twice is kept once").isEqualTo("{STEEL,COKING}");

        StringBuilder equipment = new StringBuilder(EQUIPMENT_HEADER).append("\r\n");
        equipment.append(String.join(",", elder, "L1", "BF-NEW", "BLAST_FURNACE", "volume_m3=1200", "PIG_IRON", "1500000",
                "2012-06-30", "", "", "")).append("\r\n");
        for (int i = 1; i < n; i++) {
            equipment.append(String.join(",", codes.get(i), "L" + (i % 2), "BF-" + i, "BLAST_FURNACE", "volume_m3=450",
                    "PIG_IRON", i % 7 == 0 ? "1234.5" : "400000", "", i % 9 == 0 ? "500103" : "", i % 4 == 0 ? "IDLE" : "",
                    i % 4 == 0 ? "2025-01-02" : "")).append("\r\n");
        }
        JsonNode second = importFile(Role.COORDINATOR, "EQUIPMENT", "INSERT_ONLY", "direct-equipment.csv",
                utf8(equipment.toString()));
        assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("SUCCEEDED");
        assertThat(method(second)).isEqualTo("DIRECT");
        assertThat(jdbc.sql("""
                select count(*) from production_line l join enterprise e on e.id = l.enterprise_id
                where e.uscc = :u and l.code = 'L1'
                """).param("u", elder).query(Long.class).single()).as("the elder's line reused").isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from equipment q join enterprise e on e.id = q.enterprise_id
                join production_line l on l.id = q.line_id and l.enterprise_id = e.id
                join equipment_status_history h on h.equipment_id = q.id and h.effective_to is null
                where e.uscc = any(cast(:u as text[])) and q.code = 'BF-' || substring(e.name from '[0-9]+$')
                  and l.code = 'L' || (substring(e.name from '[0-9]+$')::int % 2)
                  and h.status = q.status and h.effective_from = q.status_since
                  and q.region_code = case when substring(e.name from '[0-9]+$')::int % 9 = 0 then '500103' else e.region_code end
                  and q.annual_capacity = case when substring(e.name from '[0-9]+$')::int % 7 = 0 then 1234.5 else 400000 end
                """).param("u", u).query(Long.class).single()).isEqualTo(n - 1);

        // the production line sequence was moved past the numbered lines: an ordinary import adds the next one
        JsonNode after = importFile(Role.COORDINATOR, "EQUIPMENT", "INSERT_ONLY", "after-direct.csv", utf8(csv(EQUIPMENT_HEADER,
                String.join(",", elder, "L9", "BF-AFTER", "BLAST_FURNACE", "volume_m3=450", "PIG_IRON", "400000", "", "", "", ""))));
        assertThat(after.get("status").asString()).as(after.toString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aFaultLateInAFileGivesWayToTheStagingPathAndItsFullReport() {
        int n = bulkSize();
        List<String> codes = codes(n);
        long enterprisesBefore = jdbc.sql("select count(*) from enterprise").query(Long.class).single();
        long industriesBefore = jdbc.sql("select count(*) from enterprise_industry").query(Long.class).single();
        StringBuilder file = new StringBuilder(ENTERPRISE_HEADER).append("\r\n");
        for (int i = 0; i < n; i++) {
            // the last row repeats the fourth USCC: a fault only the whole file shows
            String code = i == n - 1 ? codes.get(3) : codes.get(i);
            file.append(enterpriseRow(code, "回退测试企业" + i, "500102", "STEEL")).append("\r\n");
        }
        JsonNode job = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "late-repeat.csv", utf8(file.toString()));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("REJECTED");
        Map<Long, List<String>> errors = errors(job);
        assertThat(errors).containsOnlyKeys((long) n + 1);
        assertThat(errors.get((long) n + 1).get(0)).contains("与第 5 行的统一社会信用代码重复");
        assertThat(jdbc.sql("select count(*) from enterprise").query(Long.class).single()).isEqualTo(enterprisesBefore);
        assertThat(jdbc.sql("select count(*) from enterprise_industry").query(Long.class).single()).isEqualTo(industriesBefore);
        assertThat(industryTrigger()).as("the trigger the direct load turned off is on again").isEqualTo("A");

        // equipment of an enterprise never registered, in the last row
        assertThat(importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "owner.csv", utf8(csv(ENTERPRISE_HEADER,
                enterpriseRow(codes.get(0), "回退测试设备所属企业", "500102", "STEEL")))).get("status").asString())
                .isEqualTo("SUCCEEDED");
        // an enterprise registered before, in the last row: only the rebuilt unique index sees it
        StringBuilder again = new StringBuilder(ENTERPRISE_HEADER).append("\r\n");
        for (int i = 1; i <= n; i++) {
            again.append(enterpriseRow(i == n ? codes.get(0) : codes.get(i), "回退测试企业" + i, "500102", "STEEL")).append("\r\n");
        }
        JsonNode registered = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "late-registered.csv",
                utf8(again.toString()));
        assertThat(registered.get("status").asString()).as(registered.toString()).isEqualTo("REJECTED");
        assertThat(errors(registered)).containsOnlyKeys((long) n + 1);
        assertThat(errors(registered).get((long) n + 1).get(0)).contains("该企业已登记");
        assertThat(industryTrigger()).isEqualTo("A");

        StringBuilder equipment = new StringBuilder(EQUIPMENT_HEADER).append("\r\n");
        String stranger = uscc("500102");
        for (int i = 0; i < n; i++) {
            equipment.append(String.join(",", i == n - 1 ? stranger : codes.get(0), "", "BF-" + i, "BLAST_FURNACE",
                    "volume_m3=450", "PIG_IRON", "400000", "", "", "", "")).append("\r\n");
        }
        long equipmentBefore = jdbc.sql("select count(*) from equipment").query(Long.class).single();
        JsonNode second = importFile(Role.COORDINATOR, "EQUIPMENT", "INSERT_ONLY", "late-stranger.csv",
                utf8(equipment.toString()));
        assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("REJECTED");
        assertThat(errors(second).keySet()).contains((long) n + 1);
        assertThat(errors(second).get((long) n + 1).get(0)).contains("企业未登记");
        assertThat(jdbc.sql("select count(*) from equipment").query(Long.class).single()).isEqualTo(equipmentBefore);
    }

    /** Rows enough for the bulk path: at least as many as each registry table holds (fresh statistics first). */
    private int bulkSize() {
        long present = 0;
        for (String table : List.of("enterprise", "enterprise_status_history", "grid_account", "enterprise_industry",
                "equipment", "equipment_status_history")) {
            jdbc.sql("vacuum analyze " + table).update();
            present = Math.max(present, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return (int) Math.max(1_200, present + 200);
    }

    private static List<String> codes(int n) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(uscc(i % 2 == 0 ? "500102" : "500110"));
        }
        return codes;
    }

    private String method(JsonNode job) {
        return jdbc.sql("select after_state::jsonb ->> 'method' from audit_entry where entity_type = 'import' and entity_id = :id")
                .param("id", job.get("id").asString()).query(String.class).single();
    }

    private String parentOf(String uscc) {
        return jdbc.sql("select p.uscc from enterprise e join enterprise p on p.id = e.parent_id where e.uscc = :u")
                .param("u", uscc).query(String.class).single();
    }

    private String industryTrigger() {
        return jdbc.sql("select tgenabled::text from pg_trigger where tgname = 'enterprise_industry_insert'")
                .query(String.class).single();
    }

    @Test
    void theJobPageSaysWhileTheNameIndexIsBuiltAndStopsAskingOnceItIs() {
        JsonNode job = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "one.csv", utf8(csv(ENTERPRISE_HEADER,
                enterpriseRow(uscc("500102"), "索引提示测试企业", "500102", "STEEL"))));
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        String progress = "/registry/imports/" + job.get("id").asString() + "/progress";
        Http browser = Http.browser(port);
        browser.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        jdbc.sql("create table index_note_probe (tags text[])").update();
        try {
            // an import "reading" holds the builder back, so the listed index stays listed while the page is asked
            indexBuilder.reading(true);
            try {
                ImportIndexBuilder.defer(jdbc, "index_note_probe", "index_note_probe_tags",
                        "CREATE INDEX index_note_probe_tags ON public.index_note_probe USING gin (tags)");
                indexBuilder.schedule();
                assertThat(browser.get(progress).body()).contains("企业名称检索索引正在后台重建").contains("hx-trigger=\"every 1s\"");
            } finally {
                indexBuilder.reading(false);
            }
            indexBuilder.awaitAll();
            assertThat(browser.get(progress).body()).doesNotContain("正在后台重建").doesNotContain("hx-trigger");
        } finally {
            jdbc.sql("drop table index_note_probe").update();
        }
    }
}

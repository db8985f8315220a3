package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.capgov.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.capgov.registry.EnterpriseTallyIT;

/**
 * An "insert only" .xlsx import at least as large as the registry takes the staging path's bulk merge (a CSV would be
 * loaded directly, see ImportDirectLoadIT): indexes dropped and rebuilt, ids numbered from the row numbers
 * (ImportBulkLoad#reserveIds). Everything the joined path writes must be written the
 * same way: one open status per new enterprise and equipment item, grid accounts and parents on the right
 * enterprise, lines on the right equipment, and the sequences moved past the numbered ids so that the next ordinary
 * insert does not collide.
 */
class ImportNumberedMergeIT extends ImportSupportIT {

    @Test
    void aFirstLoadNumbersItsRowsAndLinksEverythingToTheRightRow() {
        String elder = uscc("500102");
        assertThat(importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "elder.csv", utf8(csv(ENTERPRISE_HEADER,
                enterpriseRow(elder, "早已登记的上级企业", "500102", "STEEL")))).get("status").asString()).isEqualTo("SUCCEEDED");
        // the bulk path is taken when the file is at least as large as each table it writes (estimated from the
        // statistics): fresh statistics, so that rows other tests rolled back do not count
        long present = 0;
        for (String table : List.of("enterprise", "enterprise_status_history", "grid_account", "equipment",
                "equipment_status_history")) {
            jdbc.sql("vacuum analyze " + table).update();
            present = Math.max(present, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        int n = (int) Math.max(1_200, present + 200);
        List<String> codes = new ArrayList<>();
        StringBuilder enterprises = new StringBuilder(ENTERPRISE_HEADER).append("\r\n");
        for (int i = 0; i < n; i++) {
            if (i == n / 2) {
                // a blank line is skipped but keeps its row number: the numbered ids show the gap
                enterprises.append(",,,,,,,,,,\r\n");
            }
            String u = uscc(i % 2 == 0 ? "500102" : "500110");
            codes.add(u);
            // every tenth names the first enterprise of the file as its parent; every enterprise holds one account
            String parent = i % 10 == 9 ? codes.get(0) : i == 4 ? elder : "";
            enterprises.append(String.join(",", u, "批量编号测试企业" + i, i % 2 == 0 ? "500102" : "500110", "STEEL", "", "",
                    parent, "N" + u.substring(8, 17), i % 3 == 0 ? "SUSPENDED" : "", i % 3 == 0 ? "2024-01-02" : "", ""))
                    .append("\r\n");
        }
        JsonNode first = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "numbered.xlsx", xlsxOf(enterprises.toString()));
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("SUCCEEDED");
        assertThat(first.get("inserted").asLong()).isEqualTo(n);
        assertThat(EnterpriseTallyIT.mismatches(jdbc)).as("the tally follows a bulk merge in replica mode").isZero();

        // numbered: the ids follow the row numbers, the blank line's number included
        List<Long> ids = jdbc.sql("select id from enterprise where uscc = any(cast(:u as text[])) order by id").param("u", codes.toArray(String[]::new))
                .query(Long.class).list();
        assertThat(ids.get(ids.size() - 1) - ids.get(0)).as("ids follow the row numbers").isEqualTo(n);
        assertThat(withTheirOpenStatus(codes.toArray(String[]::new))).isEqualTo(n);
        assertThat(jdbc.sql("""
                select count(*) from enterprise e join grid_account g on g.enterprise_id = e.id and g.valid_to is null
                where e.uscc = any(cast(:u as text[])) and g.account_no = 'N' || substr(e.uscc, 9, 9)
                """).param("u", codes.toArray(String[]::new)).query(Long.class).single()).isEqualTo(n);
        assertThat(jdbc.sql("""
                select count(*) from enterprise e join enterprise p on p.id = e.parent_id
                where e.uscc = any(cast(:u as text[])) and p.uscc = :first
                """).param("u", codes.toArray(String[]::new)).param("first", codes.get(0)).query(Long.class).single()).isEqualTo(n / 10);
        assertThat(jdbc.sql("select p.uscc from enterprise e join enterprise p on p.id = e.parent_id where e.uscc = :u")
                .param("u", codes.get(4)).query(String.class).single()).as("a parent registered before the file").isEqualTo(elder);

        StringBuilder equipment = new StringBuilder(EQUIPMENT_HEADER).append("\r\n");
        for (int i = 0; i < n; i++) {
            equipment.append(String.join(",", codes.get(i), "L" + (i % 2), "BF-" + i, "BLAST_FURNACE", "volume_m3=450",
                    "PIG_IRON", "400000", "", "", i % 4 == 0 ? "IDLE" : "", i % 4 == 0 ? "2025-01-02" : "")).append("\r\n");
        }
        JsonNode second = importFile(Role.COORDINATOR, "EQUIPMENT", "INSERT_ONLY", "numbered-equipment.xlsx",
                xlsxOf(equipment.toString()));
        assertThat(second.get("status").asString()).as(second.toString()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.sql("""
                select count(*) from equipment q join enterprise e on e.id = q.enterprise_id
                join production_line l on l.id = q.line_id and l.enterprise_id = e.id
                join equipment_status_history h on h.equipment_id = q.id and h.effective_to is null
                where e.uscc = any(cast(:u as text[])) and q.code = 'BF-' || substring(e.name from '[0-9]+$')
                  and h.status = q.status and h.effective_from = q.status_since and q.region_code = e.region_code
                """).param("u", codes.toArray(String[]::new)).query(Long.class).single()).isEqualTo(n);

        // the sequences were moved past the numbered ids: an ordinary insert after the import does not collide
        String later = uscc("500102");
        JsonNode after = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "after.csv", utf8(csv(ENTERPRISE_HEADER,
                enterpriseRow(later, "编号之后的企业", "500102", "STEEL"))));
        assertThat(after.get("status").asString()).as(after.toString()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.sql("select id from enterprise where uscc = :u").param("u", later).query(Long.class).single())
                .isGreaterThan(ids.get(ids.size() - 1));
    }
}

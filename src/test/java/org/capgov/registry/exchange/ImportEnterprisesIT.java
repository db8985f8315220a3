package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.capgov.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.capgov.registry.Enterprise;
import org.capgov.shared.spreadsheet.SpreadsheetUpload;

/** Enterprise imports over the API: good files, all-or-nothing, duplicates, re-import, scope and roles. */
class ImportEnterprisesIT extends ImportSupportIT {

    @Test
    void aGoodUtf8CsvImportsEveryRowWithHistoryAccountsAndOneAuditEntry() {
        String a = uscc("500102");
        String b = uscc("500110");
        String c = uscc("500102");
        String file = csv(ENTERPRISE_HEADER,
                String.join(",", a, "重庆导入测试钢铁有限公司", "500102", "STEEL;COKING", "涪陵区李渡街道1号", "张三", "",
                        "T" + a.substring(10) + "-1;T" + a.substring(10) + "-2", "OPERATING", "2015-06-01", "否"),
                String.join(",", b, "\"綦江导入测试水泥有限公司，二厂\"", "500110", "CEMENT", "", "", "", "", "SUSPENDED", "2020-01-01", ""),
                String.join(",", c, "涪陵导入测试子公司", "500102", "STEEL", "", "", a, "", "", "", ""));
        JsonNode job = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "企业.csv",
                bytes(file, StandardCharsets.UTF_8, true));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("inserted").asLong()).isEqualTo(3);
        assertThat(job.get("rowsRead").asLong()).isEqualTo(3);
        assertThat(job.get("charset").asString()).isEqualTo("UTF-8");
        assertThat(job.get("sha256").asString()).hasSize(64);

        assertThat(jdbc.sql("select name from enterprise where uscc = :u").param("u", b).query(String.class).single())
                .isEqualTo("綦江导入测试水泥有限公司，二厂");
        assertThat(jdbc.sql("select status || ' ' || status_since from enterprise where uscc = :u").param("u", b)
                .query(String.class).single()).isEqualTo("SUSPENDED 2020-01-01");
        assertThat(jdbc.sql("select count(*) from enterprise_status_history h join enterprise e on e.id = h.enterprise_id "
                + "where e.uscc in (:u)").param("u", List.of(a, b, c)).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from grid_account g join enterprise e on e.id = g.enterprise_id "
                + "where e.uscc = :u and g.valid_to is null").param("u", a).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select p.uscc from enterprise e join enterprise p on p.id = e.parent_id where e.uscc = :u")
                .param("u", c).query(String.class).single()).isEqualTo(a);
        String summary = jdbc.sql("select summary from audit_entry where entity_type = 'import' and entity_id = :id")
                .param("id", job.get("id").asString()).query(String.class).single();
        assertThat(summary).contains("企业.csv").contains(job.get("sha256").asString()).contains("新增 3");
    }

    @Test
    void aGbkCsvImportsWithItsChineseIntact() {
        String a = uscc("500102");
        String file = csv(ENTERPRISE_HEADER, enterpriseRow(a, "涪陵区GBK编码测试铁合金厂", "500102", "FERROALLOY"));
        JsonNode job = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "gbk.csv",
                file.getBytes(SpreadsheetUpload.GBK));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("charset").asString()).isEqualTo("GBK");
        assertThat(jdbc.sql("select name from enterprise where uscc = :u").param("u", a).query(String.class).single())
                .isEqualTo("涪陵区GBK编码测试铁合金厂");
    }

    @Test
    void oneBadRowAmongGoodOnesImportsNothingAndNamesRowColumnValueAndReason() {
        String a = uscc("500102");
        String b = uscc("500102");
        String broken = b.substring(0, 17) + (b.charAt(17) == '0' ? '1' : '0');
        String c = uscc("500102");
        String file = csv(ENTERPRISE_HEADER, enterpriseRow(a, "好企业一", "500102", "STEEL"),
                enterpriseRow(broken, "坏企业", "500102", "STEEL"), enterpriseRow(c, "好企业三", "500102", "STEEL"));
        JsonNode job = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "one-bad.csv", utf8(file));
        assertThat(job.get("status").asString()).isEqualTo("REJECTED");
        assertThat(job.get("errorCount").asLong()).isEqualTo(1);
        JsonNode e = job.get("errors").get(0);
        assertThat(e.get("row").asLong()).isEqualTo(3);
        assertThat(e.get("column").asString()).isEqualTo("统一社会信用代码");
        assertThat(e.get("value").asString()).isEqualTo(broken);
        assertThat(e.get("reason").asString()).contains("校验");
        assertThat(enterprises(a, broken, c)).isZero();
    }

    @Test
    void rowsFailingOnlyInTheDatabaseChecksAlsoLeaveNothingBehind() {
        String a = uscc("500102");
        String b = uscc("500102");
        String file = csv(ENTERPRISE_HEADER, enterpriseRow(a, "好企业", "500102", "STEEL"),
                String.join(",", b, "上级未登记的企业", "500102", "STEEL", "", "", uscc("500102"), "", "", "", ""));
        JsonNode job = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "parent.csv", utf8(file));
        assertThat(job.get("status").asString()).isEqualTo("REJECTED");
        assertThat(errors(job).get(3L).get(0)).startsWith("上级企业统一社会信用代码|").contains("未登记");
        assertThat(enterprises(a, b)).isZero();
    }

    @Test
    void duplicateRowsInTheFileAreReportedAgainstTheFirst() {
        String a = uscc("500102");
        String file = csv(ENTERPRISE_HEADER, enterpriseRow(a, "企业甲", "500102", "STEEL"),
                enterpriseRow(uscc("500102"), "企业乙", "500102", "STEEL"), enterpriseRow(a, "企业甲（重复）", "500102", "STEEL"));
        JsonNode job = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "dup.csv", utf8(file));
        assertThat(job.get("status").asString()).isEqualTo("REJECTED");
        assertThat(errors(job)).containsOnlyKeys(4L);
        assertThat(errors(job).get(4L).get(0)).isEqualTo("统一社会信用代码|" + a
                + "|与第 2 行的统一社会信用代码重复（同一文件中每家企业只能出现一次）");
        assertThat(enterprises(a)).isZero();
    }

    @Test
    void gridAccountsRepeatedInTheFileOrHeldByAnotherEnterpriseAreNamedRowByRow() {
        String holder = uscc("500102");
        String held = "GA" + holder.substring(8, 17);
        JsonNode first = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "holder.csv", utf8(csv(ENTERPRISE_HEADER,
                String.join(",", holder, "户号持有企业", "500102", "STEEL", "", "", "", held, "", "", ""))));
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("SUCCEEDED");

        String a = uscc("500102");
        String b = uscc("500102");
        String shared = "GB" + a.substring(8, 17);
        // no check of repeats runs before the merge in "insert only" mode: the grid account index refuses the merge,
        // which is undone, and the rows are named as before
        JsonNode job = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "accounts.csv", utf8(csv(ENTERPRISE_HEADER,
                String.join(",", a, "户号企业甲", "500102", "STEEL", "", "", "", shared, "", "", ""),
                String.join(",", b, "户号企业乙", "500102", "STEEL", "", "", "", shared + ";" + held, "", "", ""))));
        assertThat(job.get("status").asString()).isEqualTo("REJECTED");
        assertThat(errors(job).get(3L)).containsExactlyInAnyOrder(
                "供电户号|" + shared + "|供电户号与第 2 行重复（一个户号同时只能属于一家企业）",
                "供电户号|" + held + "|供电户号已属于企业 " + holder);
        assertThat(enterprises(a, b)).isZero();
    }

    @Test
    void insertOnlyRefusesRegisteredEnterprisesAndUpsertUpdatesThem() {
        String a = uscc("500102");
        String b = uscc("500102");
        JsonNode first = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "first.csv",
                utf8(csv(ENTERPRISE_HEADER,
                        String.join(",", a, "原名称企业", "500102", "STEEL", "", "", "", "", "OPERATING", "2014-01-01", ""))));
        assertThat(first.get("status").asString()).isEqualTo("SUCCEEDED");

        String again = csv("统一社会信用代码,企业名称,区划代码,行业代码,状态,状态生效日期",
                String.join(",", a, "新名称企业", "500102", "STEEL;COKING", "SUSPENDED", "2025-01-02"),
                String.join(",", b, "新增的企业", "500102", "CEMENT", "", ""));
        JsonNode refused = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "again.csv", utf8(again));
        assertThat(refused.get("status").asString()).isEqualTo("REJECTED");
        assertThat(errors(refused).get(2L).get(0)).contains("已登记").contains("新增或更新");
        assertThat(enterprises(b)).isZero();

        JsonNode upserted = importFile(Role.COORDINATOR, "ENTERPRISES", "UPSERT", "again.csv", utf8(again));
        assertThat(upserted.get("status").asString()).as(upserted.toString()).isEqualTo("SUCCEEDED");
        assertThat(upserted.get("inserted").asLong()).isEqualTo(1);
        assertThat(upserted.get("updated").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select name || ' ' || status || ' ' || array_to_string(industries, ';') from enterprise "
                + "where uscc = :u").param("u", a).query(String.class).single()).isEqualTo("新名称企业 SUSPENDED STEEL;COKING");
        assertThat(jdbc.sql("select string_agg(h.status || ':' || coalesce(h.effective_to::text, '-'), ',' order by h.id) "
                + "from enterprise_status_history h join enterprise e on e.id = h.enterprise_id where e.uscc = :u")
                .param("u", a).query(String.class).single()).isEqualTo("OPERATING:2025-01-02,SUSPENDED:-");
        assertThat(enterprises(b)).isOne();
    }

    @Test
    void aDistrictOfficerCannotImportOutsideTheDistrict() {
        String inside = uscc("500102");
        String outside = uscc("500110");
        String file = csv(ENTERPRISE_HEADER, enterpriseRow(inside, "涪陵区内企业", "500102", "STEEL"),
                enterpriseRow(outside, "綦江区企业", "500110", "STEEL"));
        JsonNode job = importFile(Role.DISTRICT_OFFICER, "ENTERPRISES", "INSERT_ONLY", "scope.csv", utf8(file));
        assertThat(job.get("status").asString()).isEqualTo("REJECTED");
        assertThat(errors(job).get(3L).get(0)).isEqualTo("区划代码|500110|区划 500110 不在您的数据范围内");
        assertThat(enterprises(inside, outside)).isZero();
    }

    @Test
    void onlyImportingRolesMayUploadAndAJobIsNotVisibleToStrangers() {
        byte[] file = utf8(csv(ENTERPRISE_HEADER, enterpriseRow(uscc("500102"), "企业", "500102", "STEEL")));
        assertThat(upload(Role.OBSERVER, "ENTERPRISES", "INSERT_ONLY", "x.csv", file).statusCode()).isEqualTo(403);
        assertThat(upload(Role.ENTERPRISE, "ENTERPRISES", "INSERT_ONLY", "x.csv", file).statusCode()).isEqualTo(403);
        assertThat(upload(Role.COORDINATOR, "PEOPLE", "INSERT_ONLY", "x.csv", file).body()).contains("error.import.kind");
        JsonNode job = importFile(Role.ADMIN, "ENTERPRISES", "INSERT_ONLY", "admin.csv", file);
        // the administrator works platform-wide: a district officer does not follow that job
        assertThat(http.get("/api/v1/imports/" + job.get("id").asLong(), token(Role.DISTRICT_OFFICER)).statusCode())
                .isEqualTo(404);
    }
}

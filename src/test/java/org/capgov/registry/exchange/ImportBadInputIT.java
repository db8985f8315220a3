package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.capgov.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Files that must be refused as a whole, each with a clear report and nothing imported. */
class ImportBadInputIT extends ImportSupportIT {

    private JsonNode rejected(String fileName, byte[] content) {
        JsonNode job = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", fileName, content);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("REJECTED");
        assertThat(job.get("inserted").asLong()).isZero();
        return job;
    }

    @Test
    void aMissingRequiredColumnIsReportedAndNoRowIsRead() {
        String a = uscc("500102");
        JsonNode job = rejected("missing.csv", utf8(csv("统一社会信用代码,企业名称,行业代码", a + ",缺区划的企业,STEEL")));
        assertThat(errors(job)).containsOnlyKeys(1L);
        assertThat(errors(job).get(1L)).containsExactly("区划代码||缺少必填列「区划代码」（region）");
        assertThat(job.get("rowsRead").asLong()).isZero();
        assertThat(enterprises(a)).isZero();
    }

    @Test
    void anUnknownExtraColumnIsReported() {
        String a = uscc("500102");
        JsonNode job = rejected("extra.csv", utf8(csv("统一社会信用代码,企业名称,区划代码,行业代码,备注",
                a + ",多一列的企业,500102,STEEL,随便写写")));
        assertThat(errors(job).get(1L).get(0)).startsWith("备注|备注|未知列「备注」");
        assertThat(enterprises(a)).isZero();
    }

    @Test
    void codeNamesAreAcceptedAsHeadersAndCellsWithoutAHeaderAreErrors() {
        String a = uscc("500102");
        JsonNode job = rejected("no-header-cell.csv", utf8(csv("uscc,name,region,industries", a + ",企业,500102,STEEL,多余")));
        assertThat(errors(job).get(2L)).containsExactly("第 5 列|多余|该列没有表头（多出的列），请删除或补上列名");
    }

    @Test
    void formulaLookingCellsAreRefused() {
        String a = uscc("500102");
        String b = uscc("500102");
        JsonNode job = rejected("formula.csv", utf8(csv(ENTERPRISE_HEADER,
                enterpriseRow(a, "=HYPERLINK(\"\"http://x\"\")", "500102", "STEEL"),
                String.join(",", b, "正常名称", "500102", "STEEL", "@SUM(A1)", "", "", "", "", "", ""))));
        assertThat(errors(job).get(2L).get(0)).startsWith("企业名称|=HYPERLINK").contains("公式");
        assertThat(errors(job).get(3L).get(0)).startsWith("地址|@SUM(A1)|").contains("公式");
        assertThat(enterprises(a, b)).isZero();
    }

    @Test
    void anEnormousCellIsRefusedWithItsLength() {
        String a = uscc("500102");
        String huge = "长".repeat(5000);
        JsonNode job = rejected("huge.csv", utf8(csv(ENTERPRISE_HEADER,
                String.join(",", a, "企业", "500102", "STEEL", huge, "", "", "", "", "", ""))));
        String e = errors(job).get(2L).get(0);
        assertThat(e).startsWith("地址|").contains("内容过长（5000 字，上限 1000 字）");
        // the stored value is cut, not the whole cell
        assertThat(e.length()).isLessThan(400);
    }

    @Test
    void badCodesDatesAndFlagsAreReportedPerCell() {
        String file = csv(ENTERPRISE_HEADER,
                String.join(",", "91500102MA5U8A1B0", "短代码", "500102", "STEEL", "", "", "", "", "", "", ""),
                String.join(",", uscc("500102"), "未知区划", "509999", "STEEL", "", "", "", "", "", "", ""),
                String.join(",", uscc("500102"), "未知行业", "500102", "STEEL;PLASTIC", "", "", "", "", "", "", ""),
                String.join(",", uscc("500102"), "坏日期", "500102", "STEEL", "", "", "", "", "CLOSED", "2024/13/45", "也许"),
                String.join(",", uscc("500102"), "", "500102", "", "", "", "", "ab", "GONE", "2099-01-01", ""));
        Map<Long, List<String>> e = errors(rejected("codes.csv", utf8(file)));
        assertThat(e.get(2L).get(0)).startsWith("统一社会信用代码|91500102MA5U8A1B0|").contains("长度应为 18 位");
        assertThat(e.get(3L).get(0)).isEqualTo("区划代码|509999|区划代码 509999 不存在或已撤销");
        assertThat(e.get(4L).get(0)).startsWith("行业代码|PLASTIC|未知行业代码 PLASTIC");
        assertThat(e.get(5L)).anyMatch(s -> s.startsWith("状态生效日期|2024/13/45|日期格式应为"))
                .anyMatch(s -> s.startsWith("接受校验码例外|也许|"));
        assertThat(e.get(6L)).anyMatch(s -> s.startsWith("企业名称||缺少企业名称"))
                .anyMatch(s -> s.startsWith("行业代码||"))
                .anyMatch(s -> s.startsWith("供电户号|ab|"))
                .anyMatch(s -> s.startsWith("状态|GONE|"))
                .anyMatch(s -> s.startsWith("状态生效日期|2099-01-01|"));
    }

    @Test
    void bytesThatAreNeitherUtf8NorGbkAreRefusedAsAWhole() {
        String a = uscc("500102");
        byte[] head = utf8(csv(ENTERPRISE_HEADER, enterpriseRow(a, "企业", "500102", "STEEL")));
        byte[] bad = new byte[head.length + 4];
        System.arraycopy(head, 0, bad, 0, head.length);
        // 0x80 is no lead byte in GBK; 0xFF is none in UTF-8 either
        bad[head.length] = (byte) 0x80;
        bad[head.length + 1] = (byte) 0xFF;
        bad[head.length + 2] = '\r';
        bad[head.length + 3] = '\n';
        JsonNode job = rejected("garbage.csv", bad);
        assertThat(job.get("message").asString()).contains("UTF-8").contains("GBK");
        assertThat(errors(job).get(0L).get(0)).contains("GBK");
        assertThat(enterprises(a)).isZero();
    }

    @Test
    void otherFormatsAndEmptyFilesAreRefused() {
        JsonNode xls = rejected("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0});
        assertThat(xls.get("message").asString()).contains(".xls");
        JsonNode headerOnly = rejected("header.csv", utf8(ENTERPRISE_HEADER + "\r\n"));
        assertThat(headerOnly.get("message").asString()).contains("没有数据行");
        JsonNode broken = rejected("broken.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThat(broken.get("message").asString()).contains("xlsx");
        assertThat(upload(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "empty.csv", new byte[0]).statusCode())
                .isEqualTo(400);
    }

    @Test
    void equipmentRowsWithBadCapacitiesParametersAndUnknownEnterprisesAreRefused() {
        String owner = uscc("500102");
        JsonNode ok = importFile(Role.COORDINATOR, "ENTERPRISES", "INSERT_ONLY", "owner.csv",
                utf8(csv(ENTERPRISE_HEADER, enterpriseRow(owner, "设备校验企业", "500102", "STEEL"))));
        assertThat(ok.get("status").asString()).isEqualTo("SUCCEEDED");
        String stranger = uscc("500102");
        String file = csv(EQUIPMENT_HEADER,
                String.join(",", owner, "", "BF-1", "BLAST_FURNACE", "volume_m3=450", "PIG_IRON", "-5", "", "", "", ""),
                String.join(",", owner, "", "BF-2", "BLAST_FURNACE", "volume_m3=450", "PIG_IRON", "1e12", "", "", "", ""),
                String.join(",", owner, "", "BF-3", "BLAST_FURNACE", "purpose=GENERAL", "PIG_IRON", "100000", "", "", "", ""),
                String.join(",", owner, "", "BF-4", "BLAST_FURNACE", "volume_m3=-3;colour=red", "PIG_IRON", "100000", "", "",
                        "", ""),
                String.join(",", owner, "", "BF-5", "BLAST_FURNACE", "volume_m3=450", "CEMENT", "十万", "", "", "", ""),
                String.join(",", stranger, "", "BF-6", "BLAST_FURNACE", "volume_m3=450", "PIG_IRON", "100000", "", "", "", ""));
        JsonNode job = importFile(Role.COORDINATOR, "EQUIPMENT", "INSERT_ONLY", "equipment.csv", utf8(file));
        assertThat(job.get("status").asString()).isEqualTo("REJECTED");
        Map<Long, List<String>> e = errors(job);
        assertThat(e.get(2L)).containsExactly("年产能|-5|年产能必须大于 0");
        assertThat(e.get(3L).get(0)).startsWith("年产能|1000000000000|").contains("不合常理");
        assertThat(e.get(4L)).containsExactly("参数||缺少必填参数 volume_m3（有效容积，单位 m3）");
        assertThat(e.get(5L)).anyMatch(s -> s.startsWith("参数|red|设备类型 BLAST_FURNACE（高炉）没有参数 colour"))
                .anyMatch(s -> s.startsWith("参数|-3|volume_m3 应在 1 到 10000 m3 之间"));
        assertThat(e.get(6L)).anyMatch(s -> s.startsWith("产品|CEMENT|")).anyMatch(s -> s.startsWith("年产能|十万|"));
        assertThat(e.get(7L)).containsExactly("统一社会信用代码|" + stranger + "|企业未登记；请先导入或登记该企业，再导入其设备");
        assertThat(jdbc.sql("select count(*) from equipment q join enterprise e on e.id = q.enterprise_id where e.uscc = :u")
                .param("u", owner).query(Long.class).single()).isZero();
    }

    @Test
    void aLargeFileOfBadRowsIsCountedInFullButOnlyTheFirstErrorsAreStored() {
        StringBuilder file = new StringBuilder(ENTERPRISE_HEADER).append("\r\n");
        for (int i = 0; i < 12_000; i++) {
            file.append("BADUSCC").append(i).append(",企业").append(i).append(",500102,STEEL,,,,,,,\r\n");
        }
        JsonNode job = rejected("many-bad.csv", file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("errorCount").asLong()).isEqualTo(12_000);
        assertThat(job.get("rowsRead").asLong()).isEqualTo(12_000);
        assertThat(jdbc.sql("select count(*) from import_error where job_id = :id").param("id", job.get("id").asLong())
                .query(Long.class).single()).isEqualTo(10_000);
    }
}

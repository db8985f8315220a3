package org.capgov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.capgov.shared.Dimension;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Who takes a case in 四川 and 天津 (seeds 002 and 003), and the start-up warning for a region nobody covers. */
@ExtendWith(OutputCaptureExtension.class)
class DepartmentAssignmentIT extends IntegrationTest {

    @Autowired
    DepartmentAssignment assignment;
    @Autowired
    AssignmentCoverage coverage;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    private String lead(Dimension dimension, String path) {
        return assignment.lead(dimension, path, List.of("STEEL")).orElse(null);
    }

    /**
     * Seed 003 附件 备注 1 "各项重点工作的负责单位中，排名第一的部门为牵头单位": row 17 (能耗限额) 市发展改革委, row 31 强化环保硬约束监督管理
     * 市环保局, row 8 "质监部门按照生产许可证制度" 市质监局, row 16 坚决淘汰落后产能 市经济和信息化委 (技术, and 安全, which no row names).
     */
    @Test
    void tianjinCasesGoToTheLeadUnitsOfSeed003() {
        String binhai = "/120000/120116/";
        assertThat(lead(Dimension.ENERGY, binhai)).isEqualTo("TJ-FGW");
        assertThat(lead(Dimension.ENVIRONMENT, binhai)).isEqualTo("TJ-HBJ");
        assertThat(lead(Dimension.QUALITY, binhai)).isEqualTo("TJ-ZJJ");
        assertThat(lead(Dimension.TECHNOLOGY, binhai)).isEqualTo("TJ-JXW");
        assertThat(lead(Dimension.SAFETY, binhai)).isEqualTo("TJ-JXW");
        assertThat(assignment.departments(Dimension.ENERGY, binhai, List.of("STEEL")))
                .extracting(DepartmentAssignment.Assigned::departmentCode).containsExactly("TJ-FGW", "TJ-JXW");
    }

    /**
     * Seed 002 2014年工作计划: "实施差别电价和惩罚性电价、水价。（省发展改革委牵头…）", "强化产能过剩行业环境监管。（环境保护厅）",
     * "大力推进淘汰落后产能。（省经济和信息化委牵头，财政厅、省发展改革委等部门配合）".
     */
    @Test
    void sichuanCasesGoToTheLeadUnitsOfSeed002() {
        String chengdu = "/510000/510100/";
        assertThat(lead(Dimension.ENERGY, chengdu)).isEqualTo("SC-FGW");
        assertThat(lead(Dimension.ENVIRONMENT, chengdu)).isEqualTo("SC-HBT");
        assertThat(lead(Dimension.TECHNOLOGY, chengdu)).isEqualTo("SC-JXW");
        assertThat(lead(Dimension.QUALITY, chengdu)).isEqualTo("SC-JXW");
        assertThat(lead(Dimension.SAFETY, chengdu)).isEqualTo("SC-JXW");
    }

    @Test
    void everySeededRegionIsCoveredAndANewRegionWithoutAssignmentIsAStartUpWarning(CapturedOutput output) {
        assertThat(coverage.gaps()).isEmpty();
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("""
                    insert into region (code, name, name_en, parent_code, path, level, kind)
                    values ('130000', '河北省', 'Hebei Province', null, '/130000/', 1, 'PROVINCE'),
                           ('130100', '石家庄市', 'Shijiazhuang', '130000', '/130000/130100/', 2, 'PREFECTURE')""")
                    .update();
            // the province is named once per dimension, not each of its prefectures
            assertThat(coverage.gaps()).extracting(AssignmentCoverage.Gap::regionCode).containsOnly("130000").hasSize(5);
            coverage.warnAtStartUp();
        });
        assertThat(output.getOut()).contains("No department is assigned to take enforcement cases")
                .contains("河北省 (130000) ENERGY").contains("河北省 (130000) SAFETY");
        assertThat(coverage.gaps()).isEmpty();
    }
}

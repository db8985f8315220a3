package org.capgov.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DepartmentNamesTest {

    private final DepartmentNames names = new DepartmentNames(List.of(
            new DepartmentNames.Known("CQ-JXW", "重庆市经济和信息化委员会", "市经济信息委"),
            new DepartmentNames.Known("CQ-FGW", "重庆市发展和改革委员会", "市发展改革委"),
            new DepartmentNames.Known("TJ-FGW", "天津市发展和改革委员会", "市发展改革委"),
            new DepartmentNames.Known("FL-YJJ", "重庆市涪陵区应急管理局", "区应急局")));

    @Test
    void shortNamesMapWithinTheDocumentsPrefix() {
        DepartmentNames.Mapped m = names.map(List.of("市发展改革委", "市经济信息委"), "TJ-", Map.of());
        assertThat(m.codes()).containsExactly("TJ-FGW");
        assertThat(m.unmapped()).containsExactly("市经济信息委");
    }

    @Test
    void fullNamesAndAliasesMapToo() {
        DepartmentNames.Mapped m = names.map(List.of("重庆市经济和信息化委员会", "区应急管理局", "各乡镇人民政府"), "",
                Map.of("区应急管理局", "区应急局"));
        assertThat(m.codes()).containsExactly("CQ-JXW", "FL-YJJ");
        assertThat(m.unmapped()).containsExactly("各乡镇人民政府");
    }
}

package org.capgov.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataScopeTest {

    private final ScopeGrant fuling = new ScopeGrant("/500000/500102/", Set.of(Dimension.ENERGY), null);
    private final ScopeGrant tianjin = new ScopeGrant("/120000/", Set.of(Dimension.values()), null);

    @Test
    void coversSubtreesAndDimensions() {
        DataScope scope = DataScope.of(List.of(fuling, tianjin));
        assertThat(scope.coversRegion("/500000/500102/")).isTrue();
        assertThat(scope.coversRegion("/500000/500101/")).isFalse();
        assertThat(scope.coversRegion("/120000/120116/")).isTrue();
        assertThat(scope.covers("/500000/500102/", Dimension.ENERGY)).isTrue();
        assertThat(scope.covers("/500000/500102/", Dimension.SAFETY)).isFalse();
        assertThat(DataScope.nothing().coversRegion("/500000/")).isFalse();
        assertThat(DataScope.all().coversRegion("/510000/")).isTrue();
    }

    @Test
    void predicateBindsEveryValueAndOnlyNamesColumns() {
        DataScope scope = DataScope.of(List.of(fuling, new ScopeGrant("/500000/500102/", Set.of(Dimension.values()),
                "91500102MA5U8A1B06")));
        SqlPredicate p = scope.predicate("e.region_path", "f.dimension", "e.uscc");
        assertThat(p.sql()).doesNotContain("500102").doesNotContain("ENERGY").doesNotContain("9150");
        assertThat(p.params()).containsEntry("scope_path_0", "/500000/500102/%")
                .containsEntry("scope_dims_0", List.of("ENERGY")).containsEntry("scope_enterprise_1", "91500102MA5U8A1B06");
        assertThat(DataScope.all().regionPredicate("path")).isEqualTo(SqlPredicate.TRUE);
        assertThat(DataScope.nothing().regionPredicate("path")).isEqualTo(SqlPredicate.FALSE);
        assertThatThrownBy(() -> scope.regionPredicate("path; drop table x")).isInstanceOf(IllegalArgumentException.class);
    }
}

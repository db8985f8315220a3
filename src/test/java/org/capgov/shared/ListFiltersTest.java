package org.capgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListFiltersTest {

    private static final List<Integer> SIZES = List.of(20, 50, 100);

    @Test
    void values_are_trimmed_missing_ones_empty_in_the_order_of_the_keys() {
        Map<String, String> f = ListFilters.values(Map.of("region", " 渝中区 ", "other", "x"),
                List.of("status", "region"));
        assertThat(f).containsExactly(Map.entry("status", ""), Map.entry("region", "渝中区"));
    }

    @Test
    void page_falls_back_to_zero_when_missing_malformed_or_negative() {
        assertThat(ListFilters.page(Map.of())).isZero();
        assertThat(ListFilters.page(Map.of("page", "abc"))).isZero();
        assertThat(ListFilters.page(Map.of("page", "-3"))).isZero();
        assertThat(ListFilters.page(Map.of("page", " 4 "))).isEqualTo(4);
        assertThat(ListFilters.page((String) null)).isZero();
        assertThat(ListFilters.page("x1")).isZero();
        assertThat(ListFilters.page("99999999999")).isZero();
        assertThat(ListFilters.page("2")).isEqualTo(2);
    }

    @Test
    void size_is_one_of_the_offered_sizes_or_the_fallback() {
        assertThat(ListFilters.size(Map.of("size", "100"), SIZES, 50)).isEqualTo(100);
        assertThat(ListFilters.size(Map.of("size", "7"), SIZES, 50)).isEqualTo(50);
        assertThat(ListFilters.size(Map.of("size", "many"), SIZES, 50)).isEqualTo(50);
        assertThat(ListFilters.size(Map.of(), SIZES, 50)).isEqualTo(50);
    }

    @Test
    void pages_is_at_least_one() {
        assertThat(ListFilters.pages(0, 50)).isEqualTo(1);
        assertThat(ListFilters.pages(101, 50)).isEqualTo(3);
    }
}

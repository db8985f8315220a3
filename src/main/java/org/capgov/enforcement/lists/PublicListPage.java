package org.capgov.enforcement.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One page of a public list with the filters it was drawn with and the number of rows in the whole list
 * ({@code total}: enterprises on the yellow and red lists, equipment items on the exit list). {@code capacityByProduct}
 * (exit list only, otherwise empty) sums the capacity exited over the whole filtered list, per product code.
 */
public record PublicListPage<T>(PublicList list, LocalDate asOf, Integer year, String region, int page, int size,
        long total, List<T> rows, Map<String, BigDecimal> capacityByProduct) {

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}

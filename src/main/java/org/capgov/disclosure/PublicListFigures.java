package org.capgov.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.capgov.enforcement.lists.ListedEnterprise;
import org.capgov.enforcement.lists.PublicList;
import org.capgov.enforcement.lists.PublicListQuery;
import org.capgov.enforcement.lists.PublicLists;
import org.capgov.shared.Vocabulary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two charts of a public list page: enterprises on the whole filtered list (not only the page shown) counted by
 * district and by industry. An enterprise of two industries counts in both. Lists longer than {@link #MAX_ROWS}
 * rows are counted over their first rows only, and the page says so.
 */
@Component
class PublicListFigures {

    static final int MAX_ROWS = 20_000;

    /** One bar: its label and count. */
    record Bar(String label, long count) {
    }

    /** The bars of both charts, largest first; {@code partial} when the list was longer than what was counted. */
    record Figures(List<Bar> byDistrict, List<Bar> byIndustry, boolean partial) {
        public boolean isEmpty() {
            return byDistrict.isEmpty();
        }

        /** How many rows are counted at most. */
        public int limit() {
            return MAX_ROWS;
        }

        private static String labels(List<Bar> bars) {
            return String.join("|", bars.stream().map(Bar::label).toList());
        }

        private static String values(List<Bar> bars) {
            return String.join("|", bars.stream().map(b -> Long.toString(b.count())).toList());
        }

        public String districtLabels() {
            return labels(byDistrict);
        }

        public String districtValues() {
            return values(byDistrict);
        }

        public String industryLabels() {
            return labels(byIndustry);
        }

        public String industryValues() {
            return values(byIndustry);
        }
    }

    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    private final PublicLists lists;
    private final JdbcClient jdbc;
    private final Vocabulary labels;

    PublicListFigures(PublicLists lists, JdbcClient jdbc, Vocabulary labels) {
        this.lists = lists;
        this.jdbc = jdbc;
        this.labels = labels;
    }

    Figures of(PublicList list, PublicListQuery query) {
        Map<Long, String> districts = new LinkedHashMap<>();
        int[] rows = {0};
        Consumer<ListedEnterprise> add = e -> {
            if (++rows[0] > MAX_ROWS) {
                throw new Enough();
            }
            districts.putIfAbsent(e.id(), e.regionName());
        };
        boolean partial = false;
        try {
            switch (list) {
                case YELLOW -> lists.forEachYellow(query, r -> add.accept(r.enterprise()));
                case RED -> lists.forEachRed(query, r -> add.accept(r.enterprise()));
                case EXITS -> lists.forEachExit(query, r -> add.accept(r.enterprise()));
                case OVER_LIMIT -> lists.forEachOverLimit(query, false, r -> add.accept(r.enterprise()));
                case SERIOUS_OVER_LIMIT -> lists.forEachOverLimit(query, true, r -> add.accept(r.enterprise()));
            }
        } catch (Enough e) {
            partial = true;
        }
        Map<String, Long> byDistrict = new LinkedHashMap<>();
        districts.values().forEach(d -> byDistrict.merge(d, 1L, Long::sum));
        Map<String, Long> byIndustry = new LinkedHashMap<>();
        if (!districts.isEmpty()) {
            Set<Long> ids = new LinkedHashSet<>(districts.keySet());
            jdbc.sql("""
                    select i, count(*) from enterprise e, unnest(e.industries) i where e.id = any(cast(:ids as bigint[]))
                    group by i""").param("ids", ids.toArray(new Long[0]))
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .forEach(x -> byIndustry.put(labels.of("industry.", x.getKey()), x.getValue()));
        }
        return new Figures(bars(byDistrict), bars(byIndustry), partial);
    }

    private static List<Bar> bars(Map<String, Long> counts) {
        List<Bar> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Bar(k, v)));
        out.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.label().compareTo(b.label()));
        return out;
    }
}

package org.capgov.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.capgov.enforcement.lists.ListCounts;
import org.capgov.enforcement.lists.PublicList;
import org.capgov.enforcement.lists.PublicListQuery;
import org.capgov.enforcement.lists.PublicLists;
import org.capgov.shared.Vocabulary;
import org.springframework.stereotype.Component;

/**
 * The two charts of a public list page: enterprises on the whole filtered list (not only the page shown) counted by
 * district and by industry. The counting is done by the database in one statement ({@link PublicLists#counts}), so
 * that a page of a long list costs no more than the page itself, and kept until the lists change
 * (docs/decisions/disclosure-list-performance.md).
 */
@Component
class PublicListFigures {

    /** One bar: its label and count. */
    record Bar(String label, long count) {
    }

    /** The bars of both charts, largest first. */
    record Figures(List<Bar> byDistrict, List<Bar> byIndustry) {
        public boolean isEmpty() {
            return byDistrict.isEmpty();
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

    private final PublicLists lists;
    private final Vocabulary labels;

    PublicListFigures(PublicLists lists, Vocabulary labels) {
        this.lists = lists;
        this.labels = labels;
    }

    Figures of(PublicList list, PublicListQuery query) {
        ListCounts counts = lists.counts(list, query);
        List<Bar> byIndustry = new ArrayList<>();
        counts.byIndustry().forEach((code, n) -> byIndustry.add(new Bar(labels.of("industry.", code), n)));
        return new Figures(bars(counts.byRegionName()), sorted(byIndustry));
    }

    private static List<Bar> bars(Map<String, Long> counts) {
        List<Bar> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Bar(k, v)));
        return sorted(out);
    }

    private static List<Bar> sorted(List<Bar> bars) {
        bars.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.label().compareTo(b.label()));
        return bars;
    }
}

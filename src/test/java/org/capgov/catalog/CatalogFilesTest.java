package org.capgov.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.capgov.monitoring.Metric;
import org.capgov.monitoring.Units;
import org.capgov.registry.EquipmentType;
import org.capgov.shared.Dimension;
import org.capgov.shared.Industry;
import org.capgov.shared.Product;
import org.junit.jupiter.api.Test;

/** The catalogue data files are well-formed: codes exist, ids are unique, every value has a citation. */
class CatalogFilesTest {

    static final Set<String> COMPARATORS = Set.of("<", "<=", ">", ">=", "==");

    @Test
    void everyFileParsesAndEveryEntryIsCoherent() throws Exception {
        Catalog c = CatalogFiles.read("test").catalogue();
        assertThat(c.documents()).containsKeys("cq-2014-3", "fl-2020-85", "sc-2014", "tj-2013", "cq-2024", "national");
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CatalogRule r : c.rules()) {
            String at = r.id() + ": ";
            if (!ids.add(r.id())) {
                problems.add(at + "duplicate id");
            }
            if (r.dimension() == null || !contains(Dimension.values(), r.dimension())) {
                problems.add(at + "dimension " + r.dimension());
            }
            if (r.industry() != null && !contains(Industry.values(), r.industry())) {
                problems.add(at + "industry " + r.industry());
            }
            if (r.equipmentType() != null && EquipmentType.of(r.equipmentType()).isEmpty()) {
                problems.add(at + "equipment type " + r.equipmentType());
            }
            if (r.citation() == null || r.citation().text() == null || r.citation().text().isBlank()) {
                problems.add(at + "no quoted citation text");
            }
            if (!Set.of("VIOLATION", "ADVISORY").contains(r.severity())) {
                problems.add(at + "severity " + r.severity());
            }
            if ("S".equals(r.confidence()) && "VIOLATION".equals(r.severity())) {
                problems.add(at + "an S value must not be a plain VIOLATION");
            }
            for (Condition w : r.when()) {
                if (w.param() != null && r.equipmentType() != null
                        && EquipmentType.valueOf(r.equipmentType()).conditionable(w.param()).isEmpty()) {
                    problems.add(at + "condition on unknown parameter " + w.param());
                }
            }
            if (r.kind() == CatalogRule.Kind.ELIMINATION) {
                if (r.equipmentType() == null) {
                    problems.add(at + "elimination without equipment type");
                }
                continue;
            }
            if (r.kind() == CatalogRule.Kind.CONSEQUENCE) {
                if (r.deadline() == null || r.equipmentType() != null || !r.when().isEmpty()) {
                    problems.add(at + "a consequence has a deadline and applies to its document's rules, no conditions");
                }
                continue;
            }
            if (!COMPARATORS.contains(r.comparator())) {
                problems.add(at + "comparator " + r.comparator());
            }
            if ("PARAMETER".equals(r.subject())) {
                if (r.equipmentType() == null || EquipmentType.valueOf(r.equipmentType()).parameter(r.metric()).isEmpty()) {
                    problems.add(at + "parameter " + r.metric() + " of " + r.equipmentType());
                }
            } else if (!"MEASUREMENT".equals(r.subject())) {
                problems.add(at + "subject " + r.subject());
            } else if (Metric.isRequirement(r.metric())) {
                if (!(r.limit() instanceof Boolean)) {
                    problems.add(at + "req_* rule needs a boolean limit");
                }
            } else {
                if (!(r.limit() instanceof BigDecimal)) {
                    problems.add(at + "numeric limit expected");
                }
                Metric.of(r.metric()).ifPresent(m -> {
                    if (!Units.sameDimension(m.unit(), r.unit())) {
                        problems.add(at + "unit " + r.unit() + " does not fit " + m.code() + " (" + m.unit() + ")");
                    }
                });
                if (!Units.known(r.unit())) {
                    problems.add(at + "unknown unit " + r.unit());
                }
            }
        }
        for (Target t : c.targets()) {
            if (!ids.add(t.id())) {
                problems.add(t.id() + ": duplicate id");
            }
            if (t.product() != null && !contains(Product.values(), t.product())) {
                problems.add(t.id() + ": product " + t.product());
            }
            if (t.citation() == null || t.citation().text() == null) {
                problems.add(t.id() + ": no citation");
            }
        }
        for (ReplacementRule r : c.replacement()) {
            String at = r.id() + ": ";
            if (!ids.add(r.id())) {
                problems.add(at + "duplicate id");
            }
            if (r.industries().isEmpty() || !r.industries().stream().allMatch(i -> contains(Industry.values(), i))) {
                problems.add(at + "industries " + r.industries());
            }
            if (r.product() != null && !contains(Product.values(), r.product())) {
                problems.add(at + "product " + r.product());
            }
            if ((r.kind() == ReplacementRule.Kind.RATIO) != (r.ratio() != null)
                    || r.ratio() != null && r.ratio().compareTo(BigDecimal.ONE) < 0) {
                problems.add(at + "a RATIO has a ratio of at least 1, nothing else has one");
            }
            if (r.citation() == null || r.citation().text() == null || r.citation().text().isBlank()) {
                problems.add(at + "no quoted citation text");
            }
            if (r.effectiveFrom() == null) {
                problems.add(at + "no effectiveFrom");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(c.replacement()).extracting(ReplacementRule::id)
                .contains("MIIT2021-46-STEEL-RATIO-OTHER", "MIIT2024-327-STEEL-SUSPENSION", "CQ2014-NEW-CAPACITY-BAN");
        assertThat(c.limits()).hasSizeGreaterThan(50);
        assertThat(c.eliminations()).hasSizeGreaterThan(10);
        assertThat(c.targets()).hasSizeGreaterThan(20);
    }

    private static boolean contains(Enum<?>[] values, String code) {
        for (Enum<?> v : values) {
            if (v.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}

package org.capgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Codes become words through the application's own bundles: names, units, limits and field names. */
class VocabularyTest {

    static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages", "i18n/registry", "i18n/catalog", "i18n/compliance", "i18n/enforcement",
                "i18n/vocabulary");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    final ResourceBundleMessageSource messages = bundles();
    final Vocabulary vocabulary = new Vocabulary(messages);
    static final Locale ZH = Vocabulary.ZH;
    static final Locale EN = Locale.ENGLISH;

    @Test
    void unitsAreWrittenAsPeopleWriteThem() {
        assertThat(vocabulary.unit(ZH, "m3")).isEqualTo("m³");
        assertThat(vocabulary.unit(ZH, "mg/m3")).isEqualTo("mg/m³");
        assertThat(vocabulary.unit(ZH, "m3/t")).isEqualTo("m³/t");
        assertThat(vocabulary.unit(ZH, "m2")).isEqualTo("m²");
        assertThat(vocabulary.unit(ZH, "kgce/t")).isEqualTo("kgce/t");
        assertThat(vocabulary.unit(EN, "t/d")).isEqualTo("t/d");
        assertThat(vocabulary.unit(ZH, "mg/L")).isEqualTo("mg/L");
        assertThat(vocabulary.unit(ZH, null)).isEmpty();
    }

    @Test
    void limitsReadAsTheCatalogueMeansThem() {
        assertThat(vocabulary.limit(ZH, "volume_m3", ">=", new BigDecimal("400.00"), "m3")).isEqualTo("≥ 400 m³");
        assertThat(vocabulary.limit(ZH, "dust_per_t_steel", "<=", "1.19", "kg/t")).isEqualTo("≤ 1.19 kg/t");
        assertThat(vocabulary.limit(ZH, "solid_waste_utilisation", ">=", "94", "%")).isEqualTo("≥ 94%");
        assertThat(vocabulary.limit(ZH, "req_computer_control", "==", true, null)).isEqualTo("须满足");
        assertThat(vocabulary.limit(EN, "req_computer_control", "==", true, null)).isEqualTo("required");
        assertThat(vocabulary.limit(ZH, "mill_type", "in", "DOUBLE_DUO_WIRE,BLOOMING", null))
                .isEqualTo("为复二重线材、普钢初轧及开坯中型");
        assertThat(vocabulary.limit(ZH, "mill_type", "in", List.of("PACK_SHEET"), null)).isEqualTo("为叠轧薄板");
        assertThat(vocabulary.limit(ZH, null, null, null, null)).isEmpty();
    }

    @Test
    void observedValuesCarryTheirUnitOrTheirName() {
        assertThat(vocabulary.observed(ZH, "volume_m3", "350", "m3")).isEqualTo("350 m³");
        assertThat(vocabulary.observed(ZH, "mill_type", "BLOOMING", null)).isEqualTo("普钢初轧及开坯中型");
        assertThat(vocabulary.observed(ZH, "req_computer_control", "false", null)).isEqualTo("否");
        assertThat(vocabulary.observed(ZH, "bf_energy", null, "kgce/t")).isEqualTo("—");
    }

    @Test
    void metricsAndParametersHaveNames() {
        assertThat(vocabulary.metric(ZH, "bf_energy")).isEqualTo("高炉工序能耗");
        assertThat(vocabulary.metric(ZH, "volume_m3")).isEqualTo("有效容积");
        assertThat(vocabulary.metric(ZH, "area_m2")).isEqualTo("面积");
        assertThat(vocabulary.metric(EN, "area_m2")).isEqualTo("Area");
        assertThat(vocabulary.metric(ZH, "req_computer_control")).isEqualTo("计算机生产监视控制和管理控制系统");
        // an unknown code stays visible rather than disappearing
        assertThat(vocabulary.metric(ZH, "made_up_metric")).isEqualTo("made_up_metric");
    }

    @Test
    void everyMetricAndUnitOfTheCatalogueHasAName() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("src/main/resources/catalog");
        java.util.regex.Pattern metric = java.util.regex.Pattern.compile("metric: ([a-z0-9_]+)");
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                var m = metric.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    assertThat(vocabulary.metric(ZH, m.group(1))).as(f + ": " + m.group(1))
                            .doesNotContain("_").isNotEqualTo(m.group(1));
                }
            }
        }
    }

    @Test
    void errorMessagesNameTheFieldInTheReadersLanguage() {
        DomainException e = DomainException.invalid(List.of(new DomainException.FieldProblem("deadline", "x",
                "日期格式不正确")));
        assertThat(messages.getMessage(e.messageKey(), e.args(), ZH)).isEqualTo("期限：日期格式不正确");
        DomainException unknown = DomainException.invalid("fooBar", "error.request.badParameter", "fooBar");
        assertThat(messages.getMessage(unknown.messageKey(), unknown.args(), ZH)).contains("fooBar");
        DomainException uscc = DomainException.invalid("uscc", "error.request.missingParameter", "uscc");
        assertThat(messages.getMessage(uscc.messageKey(), uscc.args(), ZH)).contains("统一社会信用代码")
                .doesNotContain("uscc");
    }
}

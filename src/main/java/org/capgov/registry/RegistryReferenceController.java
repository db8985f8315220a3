package org.capgov.registry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
import org.capgov.shared.Industry;
import org.capgov.shared.Product;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/** The equipment-type reference page and the capacity figures of a region subtree. */
@Controller
class RegistryReferenceController {

    /** One allowed value of a code parameter. */
    record Option(String code, String label) {
    }

    /** A parameter of a type as the reference page and the equipment form show it. */
    record SpecView(String code, String label, String kind, String unit, String min, String max, List<Option> values,
            String pattern, boolean required, String defaultValue, String defaultLabel) {
    }

    /** A product with its capacity unit. */
    record ProductView(String code, String label, String unit) {
    }

    /** An equipment type with its industry, products and parameters. */
    record TypeView(String code, String label, String nameZh, String industry, List<ProductView> products,
            List<SpecView> parameters) {
    }

    /** Operating capacity of one industry (by equipment type) and product, with items and enterprises counted. */
    record IndustryCapacity(String industry, String product, String capacity, String unit, long equipment,
            long enterprises) {
    }

    /** Enterprises of one industry: per status and in all. */
    record IndustryCount(String industry, Map<EnterpriseStatus, Long> byStatus, long total) {
    }

    private final RegistryStatisticsRepository statistics;
    private final RegionService regions;
    private final MessageSource messages;
    private final JsonMapper json;

    RegistryReferenceController(RegistryStatisticsRepository statistics, RegionService regions, MessageSource messages,
            JsonMapper json) {
        this.statistics = statistics;
        this.regions = regions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/registry/equipment-types")
    @PreAuthorize("isAuthenticated()")
    String equipmentTypes(Model model) {
        model.addAttribute("types", Arrays.stream(EquipmentType.values()).map(t -> new TypeView(t.name(),
                label("equipmentType.", t.name(), t.nameZh()), t.nameZh(), label("industry.", t.industry().name(), null),
                t.products().stream().sorted().map(this::product).toList(), specs(t, messages))).toList());
        return "registry/equipment-types";
    }

    @GetMapping("/registry/regions/{code}")
    @PreAuthorize(RegistryPageController.READERS)
    String region(@PathVariable String code, Model model) {
        Region region = regions.get(code);
        var scope = Actors.scope();
        List<RegistryStatisticsRepository.IndustryCapacity> rows = statistics.operatingByIndustryAndProduct(region.path(), scope);
        // each item counts once, under the industry of its type: the sum over industries is the product's total,
        // within the caller's whole scope (region subtree and, for an enterprise account, its enterprise)
        Map<Product, BigDecimal> byProduct = new TreeMap<>();
        rows.forEach(r -> byProduct.merge(r.product(), r.capacity(), BigDecimal::add));
        List<RegistryPageController.ProductCapacity> products = new ArrayList<>();
        byProduct.forEach((p, cap) -> products.add(new RegistryPageController.ProductCapacity(p.name(),
                RegistryPageController.format(cap), RegistryPageController.productUnit(messages, p),
                rows.stream().filter(r -> r.product() == p).mapToLong(RegistryStatisticsRepository.IndustryCapacity::equipment).sum())));
        List<IndustryCapacity> byIndustry = industryCapacities(rows);
        List<IndustryCount> counts = industryCounts(statistics.enterprisesByIndustryAndStatus(region.path(), scope));
        model.addAttribute("region", region);
        model.addAttribute("partial", !scope.coversRegion(region.path()));
        model.addAttribute("products", products);
        model.addAttribute("byIndustry", byIndustry);
        model.addAttribute("counts", counts);
        model.addAttribute("statuses", EnterpriseStatus.values());
        model.addAttribute("enterpriseTotal", statistics.enterprises(region.path(), scope));
        // chart data for static/js/registry-region.js (no inline scripts under the CSP)
        model.addAttribute("capacityChart", json.writeValueAsString(Map.of(
                "labels", products.stream().map(p -> label("product.", p.product(), null) + " (" + p.unit() + ")").toList(),
                "values", byProduct.values().stream().map(BigDecimal::stripTrailingZeros).toList())));
        Map<String, Object> countChart = new LinkedHashMap<>();
        countChart.put("industries", counts.stream().map(c -> label("industry.", c.industry(), null)).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (EnterpriseStatus s : EnterpriseStatus.values()) {
            List<Long> data = counts.stream().map(c -> c.byStatus().getOrDefault(s, 0L)).toList();
            if (data.stream().anyMatch(n -> n > 0)) {
                series.add(Map.of("code", s.name(), "name", label("enterpriseStatus.", s.name(), null), "data", data));
            }
        }
        countChart.put("series", series);
        model.addAttribute("countChart", json.writeValueAsString(countChart));
        return "registry/region";
    }

    private List<IndustryCapacity> industryCapacities(List<RegistryStatisticsRepository.IndustryCapacity> rows) {
        return rows.stream().map(r -> new IndustryCapacity(r.industry().name(), r.product().name(),
                RegistryPageController.format(r.capacity()), RegistryPageController.productUnit(messages, r.product()),
                r.equipment(), r.enterprises())).toList();
    }

    private static List<IndustryCount> industryCounts(List<RegistryStatisticsRepository.IndustryStatusCount> rows) {
        Map<String, Map<EnterpriseStatus, Long>> by = new TreeMap<>(java.util.Comparator.comparing(i -> Industry.valueOf(i)));
        for (var r : rows) {
            by.computeIfAbsent(r.industry(), i -> new java.util.EnumMap<>(EnterpriseStatus.class)).put(r.status(), r.enterprises());
        }
        return by.entrySet().stream().map(e -> new IndustryCount(e.getKey(), e.getValue(),
                e.getValue().values().stream().mapToLong(Long::longValue).sum())).toList();
    }

    /** The parameters of a type in words: label, kind, unit, range or allowed values, required, default. */
    static List<SpecView> specs(EquipmentType type, MessageSource messages) {
        return type.parameters().stream().map(p -> new SpecView(p.code(),
                RegistryPageController.label(messages, "param.", p.code(), p.nameZh()),
                p.kind().name(), p.unit() == null ? "" : RegistryPageController.label(messages, "unit.", p.unit(), p.unit()),
                p.min() == null ? "" : p.min().stripTrailingZeros().toPlainString(),
                p.max() == null ? "" : p.max().stripTrailingZeros().toPlainString(),
                p.kind() == ParameterSpec.Kind.ENUM ? p.values().stream().map(v -> new Option(v,
                        RegistryPageController.label(messages, "paramValue." + p.code() + ".", v, v))).toList() : List.of(),
                p.kind() == ParameterSpec.Kind.TEXT ? p.values().get(0) : "", p.required(),
                p.defaultValue() == null ? "" : String.valueOf(p.defaultValue()),
                p.defaultValue() == null ? "" : RegistryPageController.value(p, p.defaultValue(), messages))).toList();
    }

    private ProductView product(Product p) {
        return new ProductView(p.name(), label("product.", p.name(), null), RegistryPageController.productUnit(messages, p));
    }

    private String label(String prefix, String code, String fallback) {
        return RegistryPageController.label(messages, prefix, code, fallback == null ? code : fallback);
    }
}

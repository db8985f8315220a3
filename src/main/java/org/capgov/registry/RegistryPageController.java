package org.capgov.registry;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.capgov.audit.AuditReader;
import org.capgov.region.RegionService;
import org.capgov.registry.datedfact.EquipmentFactService;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.capgov.shared.Industry;
import org.capgov.shared.ListFilters;
import org.capgov.shared.Product;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import java.time.Clock;
import org.capgov.shared.ChinaTime;

/**
 * The registry's reading pages: enterprise search, the enterprise page and the equipment page. Scope is the
 * services' business (an enterprise outside the caller's scope is 404); refusals of a search are shown on the page.
 */
@Controller
class RegistryPageController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE',"
            + "'GRID_COMPANY','OBSERVER')";
    static final String WRITERS = "hasAnyRole('ADMIN','COORDINATOR','DISTRICT_OFFICER')";
    static final List<String> SORTS = List.of("name", "uscc", "region", "status", "updated");
    static final List<Integer> SIZES = List.of(20, 50, 100);
    static final List<String> FILTERS = List.of("q", "region", "industry", "status", "product", "capacityMin",
            "capacityMax");

    /** One parameter of an item as shown: label, value in words, unit. */
    record ParameterView(String code, String label, String value, String unit) {
    }

    /** An equipment item with what the pages show beside it. */
    record EquipmentView(Equipment item, String typeLabel, List<ParameterView> parameters, String capacity,
            String unit) {
    }

    /** Operating capacity of one product. */
    record ProductCapacity(String product, String capacity, String unit, long equipment) {
    }

    private final EnterpriseService enterprises;
    private final EquipmentService equipment;
    private final AuditReader audit;
    private final RegionService regions;
    private final MessageSource messages;
    private final EquipmentFactService facts;
    private final Clock clock;

    private final java.util.List<EnterprisePageSection> sections;

    RegistryPageController(Clock clock, EnterpriseService enterprises, EquipmentService equipment, AuditReader audit,
            RegionService regions, MessageSource messages, EquipmentFactService facts,
            java.util.List<EnterprisePageSection> sections) {
        this.sections = sections;
        this.clock = clock;
        this.facts = facts;
        this.enterprises = enterprises;
        this.equipment = equipment;
        this.audit = audit;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/registry/enterprises")
    @PreAuthorize(READERS)
    String search(@RequestParam Map<String, String> params, Model model) {
        // the filters, page and size as the other lists read them: a malformed page or size is the first page or
        // the default size, never an error (ListFilters)
        Map<String, String> query = ListFilters.values(params, FILTERS);
        String sort = params.get("sort");
        String sortKey = sort != null && SORTS.contains(sort) ? sort : "name";
        boolean descending = "true".equals(params.get("desc"));
        int pageSize = ListFilters.size(params, SIZES, SIZES.get(0));
        int pageNo = ListFilters.page(params);
        model.addAttribute("f", query);
        model.addAttribute("sort", sortKey);
        model.addAttribute("desc", descending);
        model.addAttribute("size", pageSize);
        model.addAttribute("page", pageNo);
        model.addAttribute("sorts", SORTS);
        model.addAttribute("sizes", SIZES);
        model.addAttribute("industries", Industry.values());
        model.addAttribute("statuses", EnterpriseStatus.values());
        model.addAttribute("products", Product.values());
        Map<String, String> ordered = new LinkedHashMap<>(query);
        ordered.put("sort", sortKey.equals("name") ? null : sortKey);
        ordered.put("desc", descending ? "true" : null);
        model.addAttribute("exportQuery", queryString(ordered));
        ordered.put("size", pageSize == SIZES.get(0) ? null : Integer.toString(pageSize));
        Map<String, String> previous = new LinkedHashMap<>(ordered);
        previous.put("page", Integer.toString(pageNo - 1));
        model.addAttribute("previousLink", "/registry/enterprises" + queryString(previous));
        Map<String, String> next = new LinkedHashMap<>(ordered);
        next.put("page", Integer.toString(pageNo + 1));
        model.addAttribute("nextLink", "/registry/enterprises" + queryString(next));
        // each column header sorts by it; a second click on the sorted column reverses the order
        Map<String, String> sortLinks = new LinkedHashMap<>();
        for (String s : SORTS) {
            Map<String, String> link = new LinkedHashMap<>(query);
            link.put("sort", s);
            link.put("desc", s.equals(sortKey) && !descending ? "true" : null);
            link.put("size", pageSize == SIZES.get(0) ? null : Integer.toString(pageSize));
            sortLinks.put(s, "/registry/enterprises" + queryString(link));
        }
        model.addAttribute("sortLinks", sortLinks);
        List<Enterprise> rows = List.of();
        long total = 0;
        boolean capped = false;
        try {
            EnterpriseFilter filter = new EnterpriseFilter(query.get("q"), query.get("region"), query.get("industry"),
                    query.get("status"), query.get("product"), number("capacityMin", query.get("capacityMin")),
                    number("capacityMax", query.get("capacityMax")), sortKey, descending);
            EnterpriseRepository.Page result = enterprises.search(filter, pageNo, pageSize);
            rows = result.rows();
            total = result.total();
            capped = result.totalCapped();
        } catch (DomainException e) {
            model.addAttribute("failure", RegistryFormController.describe(e, messages));
            model.addAttribute("problems", RegistryFormController.problems(e, messages));
        }
        long pages = ListFilters.pages(total, pageSize);
        model.addAttribute("rows", rows);
        model.addAttribute("total", capped ? EnterpriseRepository.COUNT_CAP + "+" : Long.toString(total));
        model.addAttribute("pages", capped ? pages + "+" : Long.toString(pages));
        model.addAttribute("hasNext", capped ? rows.size() == pageSize : pageNo + 1 < pages);
        return "registry/enterprises";
    }

    @GetMapping("/registry/enterprises/{uscc}")
    @PreAuthorize(READERS)
    String enterprise(@PathVariable String uscc, Model model) {
        Enterprise e = enterprises.get(uscc);
        List<Equipment> items = equipment.of(e.uscc());
        List<StatusRecord> history = new ArrayList<>(enterprises.history(e.uscc()));
        Collections.reverse(history);
        model.addAttribute("enterprise", e);
        model.addAttribute("equipment", items.stream().map(this::view).toList());
        model.addAttribute("capacities", capacities(items));
        model.addAttribute("history", history);
        model.addAttribute("audit", audit.forSubject(Actors.scope(), e.uscc(), 100));
        model.addAttribute("statuses", EnterpriseStatus.values());
        model.addAttribute("today", ChinaTime.today(clock));
        // sections of other modules (online monitoring's exceedances …), each as the caller may see it
        java.util.List<java.util.Map<String, Object>> shown = new java.util.ArrayList<>();
        for (EnterprisePageSection s : sections) {
            Object content = s.content(e);
            if (content != null) {
                shown.add(java.util.Map.of("template", s.template(), "content", content));
            }
        }
        model.addAttribute("sections", shown);
        keepForm(model);
        return "registry/enterprise";
    }

    @GetMapping("/registry/enterprises/{uscc}/equipment/{code}")
    @PreAuthorize(READERS)
    String equipment(@PathVariable String uscc, @PathVariable String code, Model model) {
        Enterprise e = enterprises.get(uscc);
        Equipment item = equipment.get(e.uscc(), code);
        List<StatusRecord> history = new ArrayList<>(equipment.history(e.uscc(), item.code()));
        Collections.reverse(history);
        model.addAttribute("enterprise", e);
        model.addAttribute("q", view(item));
        model.addAttribute("locationName", item.region().equals(e.region()) ? e.regionName()
                : regions.get(item.region()).name());
        model.addAttribute("history", history);
        model.addAttribute("facts", facts.of(e.uscc(), item.code()));
        model.addAttribute("datedFacts", item.type().datedFacts());
        model.addAttribute("audit", audit.forSubject(Actors.scope(), e.uscc() + "/" + item.code(), 100));
        model.addAttribute("statuses", EquipmentStatus.values());
        model.addAttribute("today", ChinaTime.today(clock));
        keepForm(model);
        return "registry/equipment";
    }

    private EquipmentView view(Equipment q) {
        return new EquipmentView(q, label(messages, "equipmentType.", q.type().name(), q.type().nameZh()),
                parameters(q.type(), q.parameters(), messages), format(q.annualCapacity()),
                productUnit(messages, q.product()));
    }

    private List<ProductCapacity> capacities(List<Equipment> items) {
        Map<Product, BigDecimal> sums = new java.util.TreeMap<>();
        Map<Product, Long> counts = new java.util.TreeMap<>();
        for (Equipment q : items) {
            if (q.status() == EquipmentStatus.OPERATING) {
                sums.merge(q.product(), q.annualCapacity(), BigDecimal::add);
                counts.merge(q.product(), 1L, Long::sum);
            }
        }
        return sums.entrySet().stream().map(s -> new ProductCapacity(s.getKey().name(), format(s.getValue()),
                productUnit(messages, s.getKey()), counts.get(s.getKey()))).toList();
    }

    /** The parameters of an item in the type's order: numbers with their unit, codes and flags in words. */
    static List<ParameterView> parameters(EquipmentType type, Map<String, Object> values, MessageSource messages) {
        List<ParameterView> out = new ArrayList<>();
        Set<String> known = new java.util.HashSet<>();
        for (ParameterSpec spec : type.parameters()) {
            known.add(spec.code());
            Object value = values == null ? null : values.get(spec.code());
            String unit = spec.unit() == null ? "" : label(messages, "unit.", spec.unit(), spec.unit());
            out.add(new ParameterView(spec.code(), label(messages, "param.", spec.code(), spec.nameZh()),
                    value(spec, value, messages), value == null ? "" : unit));
        }
        if (values != null) {
            values.forEach((code, value) -> {
                if (!known.contains(code)) {
                    out.add(new ParameterView(code, code, String.valueOf(value), ""));
                }
            });
        }
        return out;
    }

    static String value(ParameterSpec spec, Object value, MessageSource messages) {
        if (value == null) {
            return "—";
        }
        return switch (spec.kind()) {
            case NUMBER -> value instanceof Number n ? format(new BigDecimal(n.toString())) : String.valueOf(value);
            case ENUM -> label(messages, "paramValue." + spec.code() + ".", value, String.valueOf(value));
            case BOOLEAN -> messages.getMessage(Boolean.parseBoolean(String.valueOf(value)) ? "common.yes" : "common.no",
                    null, String.valueOf(value), LocaleContextHolder.getLocale());
            case TEXT -> String.valueOf(value);
        };
    }

    static String label(MessageSource messages, String prefix, Object code, String fallback) {
        return messages.getMessage(prefix + code, null, fallback, LocaleContextHolder.getLocale());
    }

    static String productUnit(MessageSource messages, Product product) {
        return label(messages, "productUnit.", product.name(), product.unit());
    }

    /** 1234567.5 → 1,234,567.5 (at most two decimals, no trailing zeros). */
    static String format(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** {@code ?a=1&b=2} from the non-blank values, encoded; empty when there are none. */
    static String queryString(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                b.append(b.isEmpty() ? '?' : '&').append(k).append('=')
                        .append(UriUtils.encodeQueryParam(v.trim(), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    private BigDecimal number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(List.of(new DomainException.FieldProblem(field, text,
                    messages.getMessage("registry.error.number", new Object[] {text}, LocaleContextHolder.getLocale()))));
        }
    }

    /** The input of a refused form (a flash attribute), or nothing: templates read {@code form['field']}. */
    static void keepForm(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
    }
}

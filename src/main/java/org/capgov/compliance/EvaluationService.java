package org.capgov.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.capgov.catalog.CatalogRule;
import org.capgov.catalog.CatalogService;
import org.capgov.catalog.Catalog;
import org.capgov.monitoring.MeasurementService;
import org.capgov.monitoring.Metric;
import org.capgov.monitoring.Units;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.registry.EquipmentType;
import org.capgov.registry.ParameterValidator;
import org.capgov.registry.RegistryFacts;
import org.capgov.registry.RegistryFactsEnterprise;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.Industry;
import org.springframework.stereotype.Service;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * Evaluates an enterprise described in a request against the published catalogue. Every problem of the request is
 * reported at once with the field it concerns (equipment[0].parameters.volume_m3, measurements[2].unit …).
 */
@Service
public class EvaluationService {

    private final CatalogService catalog;
    private final RegionService regions;
    private final RegistryFacts registry;
    private final MeasurementService measurements;
    /** The rules of the last catalogue and date asked for: most calls ask for today's published catalogue. */
    private volatile ComplianceEngine.Prepared prepared;
    /** Regions by code, read at most every {@link #REGIONS_FOR} ms: an air zone set is seen within that time. */
    private volatile Map<String, Region> regionsByCode;
    private volatile long regionsReadAt;
    private static final long REGIONS_FOR = 30_000;
    private final Clock clock;

    EvaluationService(Clock clock, CatalogService catalog, RegionService regions, RegistryFacts registry,
            MeasurementService measurements) {
        this.clock = clock;
        this.catalog = catalog;
        this.regions = regions;
        this.registry = registry;
        this.measurements = measurements;
    }

    /**
     * Evaluates a registered enterprise as it stands: its current equipment from the registry and its latest valid
     * measurements as of the date, against the published catalogue. 404 when it is not registered or not in the
     * caller's scope.
     */
    public EvaluationResult evaluateRegistered(String uscc, LocalDate asOf) {
        Catalog catalogue = catalog.current();
        LocalDate date = asOf == null ? ChinaTime.today(clock) : asOf;
        String code = uscc == null ? "" : uscc.trim().toUpperCase(Locale.ROOT);
        RegistryFactsEnterprise e = registry.find(code, date, Actors.scope())
                .orElseThrow(() -> DomainException.notFound("error.compliance.enterpriseNotFound", code));
        List<Facts.MeasurementFact> ms = new ArrayList<>();
        measurements.latestValid(e.enterpriseId(), date).forEach(m -> ms.add(ComplianceRunMeasurements.fact(m)));
        Facts facts = new FactsBuilder(catalogue, date, regionSnapshot()).facts(e, ms);
        ComplianceEngine.Prepared rules = prepared;
        if (rules == null || rules.catalogue != catalogue || !rules.asOf.equals(date)) {
            rules = ComplianceEngine.prepare(catalogue, date);
            prepared = rules;
        }
        List<Finding> findings = ComplianceEngine.evaluate(rules, facts);
        return new EvaluationResult(catalogue.version(), date, e.regionCode(), facts.airZone(), findings,
                ConflictDetector.detect(catalogue, findings));
    }

    public EvaluationResult evaluate(EvaluationRequest request) {
        if (request == null) {
            throw DomainException.invalid(List.of(new FieldProblem("asOf", "", "请求体为空")));
        }
        Catalog catalogue = catalog.current();
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate asOf = request.asOf() == null ? ChinaTime.today(clock) : request.asOf();
        Region region = region(request.region(), problems);
        String industry = industry(request.industry(), problems);
        List<Facts.EquipmentFact> equipment = equipment(request.equipment(), problems);
        Set<String> refs = new HashSet<>();
        equipment.forEach(e -> refs.add(e.ref()));
        List<Facts.MeasurementFact> measurements = measurements(request.measurements(), refs, units(catalogue), problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        Facts facts = new Facts(asOf, region.airZone().name(), documentsCovering(catalogue, region, asOf), Set.of(industry),
                equipment, measurements);
        List<Finding> findings = ComplianceEngine.evaluate(catalogue, facts);
        return new EvaluationResult(catalogue.version(), asOf, region.code(), region.airZone().name(), findings,
                ConflictDetector.detect(catalogue, findings));
    }

    /**
     * Evaluates the equipment a project will build (measurements are ignored: nothing runs yet). Problems of the
     * request are added to {@code problems}, so that a caller reports them together with its own; null then. The
     * caller settles the date ({@code asOf} must be set).
     */
    public ProjectRuleFindings evaluateProject(EvaluationRequest request, List<FieldProblem> problems) {
        Catalog catalogue = catalog.current();
        int before = problems.size();
        LocalDate asOf = java.util.Objects.requireNonNull(request.asOf(), "asOf");
        Region region = region(request.region(), problems);
        String industry = industry(request.industry(), problems);
        List<Facts.EquipmentFact> equipment = equipment(request.equipment(), problems);
        if (problems.size() > before) {
            return null;
        }
        Set<String> documents = documentsCovering(catalogue, region, asOf);
        Facts facts = new Facts(asOf, region.airZone().name(), documents, Set.of(industry), equipment, List.of());
        return new ProjectRuleFindings(catalogue.version(), asOf, region.code(), region.keyAirRegion(), documents,
                ComplianceEngine.evaluateProject(catalogue, facts));
    }

    private Region region(String code, List<FieldProblem> problems) {
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem("region", "", "缺少区划代码"));
            return null;
        }
        try {
            return regions.get(code.trim());
        } catch (DomainException e) {
            problems.add(new FieldProblem("region", code, "区划代码 " + code + " 不存在"));
            return null;
        }
    }

    private static String industry(String code, List<FieldProblem> problems) {
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem("industry", "", "缺少行业代码"));
            return null;
        }
        try {
            return Industry.valueOf(code.trim().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("industry", code, "未知行业代码 " + code));
            return null;
        }
    }

    private static List<Facts.EquipmentFact> equipment(List<EvaluationRequest.EquipmentInput> input,
            List<FieldProblem> problems) {
        List<Facts.EquipmentFact> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; input != null && i < input.size(); i++) {
            EvaluationRequest.EquipmentInput e = input.get(i);
            String at = "equipment[" + i + "]";
            if (e == null || e.ref() == null || e.ref().isBlank()) {
                problems.add(new FieldProblem(at + ".ref", "", "缺少设备标识 ref"));
                continue;
            }
            if (!seen.add(e.ref())) {
                problems.add(new FieldProblem(at + ".ref", e.ref(), "设备标识 " + e.ref() + " 重复"));
            }
            var type = EquipmentType.of(e.type() == null ? "" : e.type().trim().toUpperCase(Locale.ROOT));
            if (type.isEmpty()) {
                problems.add(new FieldProblem(at + ".type", String.valueOf(e.type()), "未知设备类型 " + e.type()));
                continue;
            }
            // a dated fact of the type (e.g. meets_flat_glass_access) may be stated as it holds on the date
            Map<String, Object> given = e.parameters() == null ? new HashMap<>() : new HashMap<>(e.parameters());
            Map<String, Object> dated = new HashMap<>();
            for (var fact : type.get().datedFacts()) {
                Object v = given.remove(fact.code());
                String text = v == null ? null : String.valueOf(v).trim().toLowerCase(Locale.ROOT);
                if ("true".equals(text) || "false".equals(text)) {
                    dated.put(fact.code(), Boolean.valueOf(text));
                } else if (v != null) {
                    problems.add(new FieldProblem(at + ".parameters." + fact.code(), String.valueOf(v), "应为 true 或 false"));
                }
            }
            ParameterValidator.Result r = ParameterValidator.validate(type.get(), given);
            r.violations().forEach(v -> problems.add(new FieldProblem(at + "." + v.field(), v.value(), v.reason())));
            Map<String, Object> parameters = new HashMap<>(r.parameters());
            parameters.putAll(dated);
            out.add(new Facts.EquipmentFact(e.ref(), type.get().name(), parameters));
        }
        return out;
    }

    /** The unit of each metric: docs/domain.md §4, then any further metric the catalogue uses. */
    private static Map<String, String> units(Catalog catalogue) {
        Map<String, String> units = new HashMap<>();
        for (CatalogRule r : catalogue.limits()) {
            if ("MEASUREMENT".equals(r.subject()) && r.unit() != null) {
                units.putIfAbsent(r.metric(), r.unit());
            }
        }
        for (Metric m : Metric.values()) {
            units.put(m.code(), m.unit());
        }
        return units;
    }

    private static List<Facts.MeasurementFact> measurements(List<EvaluationRequest.MeasurementInput> input,
            Set<String> refs, Map<String, String> units, List<FieldProblem> problems) {
        List<Facts.MeasurementFact> out = new ArrayList<>();
        for (int i = 0; input != null && i < input.size(); i++) {
            EvaluationRequest.MeasurementInput m = input.get(i);
            String at = "measurements[" + i + "]";
            if (m == null || m.metric() == null || m.metric().isBlank()) {
                problems.add(new FieldProblem(at + ".metric", "", "缺少指标代码 metric"));
                continue;
            }
            String metric = m.metric().trim();
            boolean requirement = Metric.isRequirement(metric);
            if (!requirement && !units.containsKey(metric)) {
                problems.add(new FieldProblem(at + ".metric", metric, "未知指标代码 " + metric));
                continue;
            }
            if (m.equipmentRef() != null && !m.equipmentRef().isBlank() && !refs.contains(m.equipmentRef())) {
                problems.add(new FieldProblem(at + ".equipmentRef", m.equipmentRef(), "设备标识 " + m.equipmentRef()
                        + " 不在 equipment 中"));
            }
            Map<String, String> attributes = m.attributes() == null ? Map.of() : m.attributes();
            String ref = m.equipmentRef() == null || m.equipmentRef().isBlank() ? null : m.equipmentRef();
            if (requirement) {
                Boolean b = m.value() instanceof Boolean x ? x : m.value() == null ? null
                        : ParameterValidator.parseBoolean(String.valueOf(m.value()));
                if (b == null) {
                    problems.add(new FieldProblem(at + ".value", String.valueOf(m.value()), metric + " 的值应为 true 或 false"));
                    continue;
                }
                out.add(new Facts.MeasurementFact(ref, metric, b, null, attributes));
                continue;
            }
            BigDecimal value;
            try {
                value = m.value() instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(String.valueOf(m.value()).trim());
            } catch (NumberFormatException | NullPointerException e) {
                problems.add(new FieldProblem(at + ".value", String.valueOf(m.value()), metric + " 的值应为数字"));
                continue;
            }
            String expected = units.get(metric);
            String unit = m.unit() == null || m.unit().isBlank() ? expected : m.unit().trim();
            if (!Units.known(unit)) {
                problems.add(new FieldProblem(at + ".unit", unit, "未知单位 " + unit + "（" + metric + " 的单位为 " + expected + "）"));
                continue;
            }
            if (!Units.sameDimension(unit, expected)) {
                problems.add(new FieldProblem(at + ".unit", unit, "单位 " + unit + " 与指标 " + metric + " 的量纲不符（应可换算为 "
                        + expected + "）"));
                continue;
            }
            out.add(new Facts.MeasurementFact(ref, metric, Units.convert(value, unit, expected).orElseThrow(), expected,
                    attributes));
        }
        return out;
    }

    /** Documents in force on the date whose jurisdiction (a region subtree, or the nation) covers the region. */
    private Set<String> documentsCovering(Catalog catalogue, Region region, LocalDate asOf) {
        return FactsBuilder.documentsCovering(catalogue, region, asOf, this::anyRegion);
    }

    /** Region lookups of registered enterprises: a snapshot instead of several queries per evaluation. */
    private java.util.function.Function<String, Optional<Region>> regionSnapshot() {
        Map<String, Region> byCode = regionsByCode;
        long now = System.currentTimeMillis();
        if (byCode == null || now - regionsReadAt > REGIONS_FOR) {
            Map<String, Region> fresh = new HashMap<>();
            regions.all(true).forEach(r -> fresh.put(r.code(), r));
            byCode = fresh;
            regionsByCode = fresh;
            regionsReadAt = now;
        }
        Map<String, Region> snapshot = byCode;
        return code -> Optional.ofNullable(snapshot.get(code));
    }

    private Optional<Region> anyRegion(String code) {
        try {
            return Optional.of(regions.get(code));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}

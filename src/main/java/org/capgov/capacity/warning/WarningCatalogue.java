package org.capgov.capacity.warning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.capgov.catalog.CatalogService;
import org.capgov.catalog.Citation;
import org.capgov.catalog.MonitoredProduct;
import org.capgov.shared.Product;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The monitored products and the warning levels as the catalogue data files state them ({@code monitoredProducts}
 * and {@code utilisationWarnings}, FORMAT.md), each with its citation. Read once at start-up.
 */
@Component
public class WarningCatalogue {

    /** The products under monitoring; {@code partial} when the document names more than the platform knows. */
    public record MonitoredProducts(List<Product> products, boolean partial, int declaredCount, LocalDate effectiveFrom,
            LocalDate effectiveTo, String confidence, Citation citation) {

        public boolean inForce(LocalDate date) {
            return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
        }
    }

    /** A warning level: utilisation {@code comparator} {@code value} percent. */
    public record Level(String level, String comparator, BigDecimal value, LocalDate effectiveFrom, LocalDate effectiveTo,
            String confidence, Citation citation) {

        boolean holds(BigDecimal utilisation) {
            int c = utilisation.compareTo(value);
            return switch (comparator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                default -> throw new IllegalStateException("comparator " + comparator + " of warning level " + level);
            };
        }

        boolean inForce(LocalDate date) {
            return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
        }
    }

    private final MonitoredProducts monitored;
    private final List<Level> levels;
    private final CatalogService catalog;

    WarningCatalogue(CatalogService catalog) {
        this.catalog = catalog;
        MonitoredProducts found = null;
        List<Level> levelsFound = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:catalog/*.yaml")) {
                Map<String, Object> file;
                try (InputStream in = resource.getInputStream()) {
                    file = new Yaml(new SafeConstructor(new LoaderOptions()))
                            .load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                if (file.get("monitoredProducts") instanceof Map<?, ?> m) {
                    if (found != null) {
                        throw new IllegalStateException("monitoredProducts in more than one catalogue file");
                    }
                    found = monitored(m, number(file));
                }
                if (file.get("utilisationWarnings") instanceof List<?> l) {
                    for (Object o : l) {
                        levelsFound.add(level((Map<?, ?>) o, number(file)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found == null || levelsFound.isEmpty()) {
            throw new IllegalStateException("the catalogue data files hold no monitoredProducts / utilisationWarnings");
        }
        levelsFound.sort(java.util.Comparator.comparing(Level::value));
        this.monitored = found;
        this.levels = List.copyOf(levelsFound);
    }

    /**
     * The list of the data files with the products that published catalogue drafts added (each addition keeps its
     * own citation in the catalogue); still partial while it names fewer products than the seed declares.
     */
    public MonitoredProducts monitored() {
        List<MonitoredProduct> added = catalog.monitoredProducts();
        if (added.isEmpty()) {
            return monitored;
        }
        java.util.LinkedHashSet<Product> products = new java.util.LinkedHashSet<>(monitored.products());
        added.forEach(m -> products.add(Product.valueOf(m.product())));
        return new MonitoredProducts(List.copyOf(products), products.size() < monitored.declaredCount(),
                monitored.declaredCount(), monitored.effectiveFrom(), monitored.effectiveTo(), monitored.confidence(),
                monitored.citation());
    }

    /** The additions of published drafts, each with its document and date. */
    public List<MonitoredProduct> additions() {
        return catalog.monitoredProducts();
    }

    /** Levels in force on {@code date}, most severe (lowest threshold) first. */
    public List<Level> levels(LocalDate date) {
        return levels.stream().filter(l -> l.inForce(date)).toList();
    }

    /** The most severe level whose comparison holds, or null when utilisation is above every threshold. */
    public Level levelOf(BigDecimal utilisation, LocalDate date) {
        return levels(date).stream().filter(l -> l.holds(utilisation)).findFirst().orElse(null);
    }

    public Level level(String code) {
        return levels.stream().filter(l -> l.level().equals(code)).findFirst().orElseThrow();
    }

    private static String number(Map<String, Object> file) {
        return String.valueOf(((Map<?, ?>) file.get("document")).get("number"));
    }

    private static MonitoredProducts monitored(Map<?, ?> m, String document) {
        List<Product> products = ((List<?>) m.get("products")).stream().map(p -> Product.valueOf(String.valueOf(p))).toList();
        return new MonitoredProducts(products, Boolean.TRUE.equals(m.get("partial")),
                m.get("declaredCount") == null ? products.size() : ((Number) m.get("declaredCount")).intValue(),
                date(m.get("effectiveFrom")), date(m.get("effectiveTo")), String.valueOf(m.get("confidence")),
                citation(m, document));
    }

    private static Level level(Map<?, ?> m, String document) {
        return new Level(String.valueOf(m.get("level")), String.valueOf(m.get("comparator")),
                new BigDecimal(String.valueOf(m.get("value"))), date(m.get("effectiveFrom")), date(m.get("effectiveTo")),
                String.valueOf(m.get("confidence")), citation(m, document));
    }

    private static Citation citation(Map<?, ?> m, String document) {
        Map<?, ?> c = (Map<?, ?>) m.get("citation");
        return new Citation(document, str(c.get("section")), str(c.get("standard")), str(c.get("text")));
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(o));
    }
}

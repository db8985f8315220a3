package org.capgov.pricing.scale;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.capgov.pricing.watch.WatchSettings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The price scales, overlaps and watch thresholds of {@code catalog/pricing/price-scales.yaml} (FORMAT.md, "Price
 * scales"), read once at start-up; a malformed file stops the start.
 */
@Component
public class PriceCatalogue {

    public static final String FILE = "catalog/pricing/price-scales.yaml";

    private final String version;
    private final List<PriceScale> scales;
    private final List<Overlap> overlaps;
    private final WatchSettings watch;

    public PriceCatalogue() {
        this(read(FILE));
    }

    PriceCatalogue(Map<String, Object> file) {
        this.version = String.valueOf(file.get("version"));
        List<PriceScale> s = new ArrayList<>();
        for (Object o : (List<?>) file.get("scales")) {
            s.add(scale((Map<?, ?>) o));
        }
        List<String> ids = s.stream().map(PriceScale::id).toList();
        if (ids.stream().distinct().count() != ids.size()) {
            throw new IllegalStateException("duplicate price scale id in " + FILE);
        }
        List<Overlap> ov = new ArrayList<>();
        for (Object o : (List<?>) file.get("overlaps")) {
            Map<?, ?> m = (Map<?, ?>) o;
            List<SurchargeKind> kinds = ((List<?>) m.get("kinds")).stream()
                    .map(k -> SurchargeKind.valueOf(String.valueOf(k))).toList();
            if (kinds.size() != 2) {
                throw new IllegalStateException("an overlap names two kinds: " + kinds);
            }
            ov.add(new Overlap(kinds, m.get("winner") == null ? null : SurchargeKind.valueOf(String.valueOf(m.get("winner"))),
                    str(m.get("confidence")), citation(m)));
        }
        Map<?, ?> w = (Map<?, ?>) file.get("watch");
        this.watch = new WatchSettings(dec(w.get("closedThresholdKwhPerDay")), dec(w.get("jumpMadFactor")),
                ((Number) w.get("jumpTrailingMonths")).intValue(), ((Number) w.get("jumpMinimumMonths")).intValue(),
                dec(w.get("inductionMinimumKw")), dec(w.get("inductionMinimumLoadFactor")),
                citation(w).document() + " " + citation(w).section());
        this.scales = List.copyOf(s);
        this.overlaps = List.copyOf(ov);
    }

    public String version() {
        return version;
    }

    public List<PriceScale> scales() {
        return scales;
    }

    public List<Overlap> overlaps() {
        return overlaps;
    }

    public WatchSettings watch() {
        return watch;
    }

    public SurchargeRules rules() {
        return new SurchargeRules(scales, overlaps, "price-scales " + version);
    }

    static Map<String, Object> read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PriceScale scale(Map<?, ?> m) {
        Map<?, ?> t = (Map<?, ?>) m.get("trigger");
        PriceScale.Trigger trigger = new PriceScale.Trigger(str(t.get("type")), strings(t.get("equipmentTypes")),
                str(t.get("metric")), str(t.get("dimension")), str(t.get("activity")), dec(t.get("overLimitFactor")));
        PriceScale.Amount amount = null;
        if (m.get("amount") instanceof Map<?, ?> a) {
            amount = new PriceScale.Amount(str(a.get("unit")), dec(a.get("value")));
        }
        PriceScale.Brackets brackets = null;
        if (m.get("brackets") instanceof Map<?, ?> b) {
            List<PriceScale.Step> steps = new ArrayList<>();
            if (b.get("steps") instanceof List<?> l) {
                for (Object o : l) {
                    Map<?, ?> st = (Map<?, ?>) o;
                    steps.add(new PriceScale.Step(dec(st.get("above")), dec(st.get("amount"))));
                }
            }
            brackets = new PriceScale.Brackets(str(b.get("type")), str(b.get("unit")), steps, dec(b.get("threshold")),
                    dec(b.get("step")), dec(b.get("amount")));
        }
        boolean draft = Boolean.TRUE.equals(m.get("draft"));
        String id = str(m.get("id"));
        if (!draft && amount == null && brackets == null) {
            throw new IllegalStateException("price scale " + id + " has no amount and is not a draft");
        }
        return new PriceScale(id, SurchargeKind.valueOf(str(m.get("kind"))), strings(m.get("industries")), trigger,
                amount, brackets, str(m.get("base")), str(m.get("jurisdiction")), date(m.get("effectiveFrom")),
                date(m.get("effectiveTo")), str(m.get("confidence")), draft, citation(m));
    }

    private static PriceScale.ScaleCitation citation(Map<?, ?> m) {
        Map<?, ?> c = (Map<?, ?>) m.get("citation");
        return new PriceScale.ScaleCitation(str(c.get("document")), str(c.get("section")), str(c.get("text")));
    }

    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static BigDecimal dec(Object o) {
        return o == null ? null : new BigDecimal(String.valueOf(o));
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

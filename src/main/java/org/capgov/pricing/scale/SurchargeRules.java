package org.capgov.pricing.scale;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which surcharges an enterprise's accounts pay for a month, and why. Scales in force on the first day of the month
 * apply (docs/decisions/pricing-readings.md P1); ladder tiers read the previous calendar year's verified value (P2);
 * each kind is paid once: of several scales of one kind the highest rate wins, and scales of different units are a
 * conflict (P4); where two kinds meet, the catalogue's overlap says which wins, or reports a conflict (P5).
 */
public final class SurchargeRules {

    /**
     * A surcharge due: kind, rate and its basis. {@code findingId} or {@code measurementId} says what triggered it;
     * {@code reliefPercent} is the green-power cut applied to the rate, if any.
     */
    public record Due(SurchargeKind kind, String scaleId, BigDecimal rate, String unit, String base, String findingId,
            String ruleId, Long measurementId, BigDecimal value, String catalogueVersion, PriceScale.ScaleCitation citation,
            String confidence, Integer reliefPercent) {

        public Due(SurchargeKind kind, String scaleId, BigDecimal rate, String unit, String base, String findingId,
                String ruleId, Long measurementId, BigDecimal value, String catalogueVersion,
                PriceScale.ScaleCitation citation, String confidence) {
            this(kind, scaleId, rate, unit, base, findingId, ruleId, measurementId, value, catalogueVersion, citation,
                    confidence, null);
        }
    }

    /** Two dues that the catalogue cannot settle, with the reason code. */
    public record Conflict(Due first, Due second, String reason) {
    }

    /** What a month brings for one enterprise. */
    public record Outcome(List<Due> items, List<Conflict> conflicts) {
    }

    private final List<PriceScale> scales;
    private final List<Overlap> overlaps;
    private final String scalesVersion;

    public SurchargeRules(List<PriceScale> scales, List<Overlap> overlaps, String scalesVersion) {
        this.scales = List.copyOf(scales);
        this.overlaps = List.copyOf(overlaps);
        this.scalesVersion = scalesVersion;
    }

    /** The scales that bind anyone in {@code month} (not drafts), for filtering before the per-account work. */
    public List<PriceScale> inForce(YearMonth month) {
        LocalDate day = month.atDay(1);
        return scales.stream().filter(s -> !s.draft() && s.inForce(day)).toList();
    }

    /** The draft scales in force in {@code month}: shown with what they would catch, never billed. */
    public List<PriceScale> draftsInForce(YearMonth month) {
        LocalDate day = month.atDay(1);
        return scales.stream().filter(s -> s.draft() && s.inForce(day)).toList();
    }

    /**
     * What the draft scales would catch for this enterprise (rate null: the coordinator has not filled it in); shown
     * on the list as 草案，不计费 and never billed, so a trigger can be checked before its amount is decided.
     */
    public List<Due> drafts(EnterpriseFacts facts, YearMonth month) {
        List<Due> out = new ArrayList<>();
        for (PriceScale s : draftsInForce(month)) {
            if (s.binds(facts.regionPath(), facts.industries())) {
                due(s, facts, month).ifPresent(out::add);
            }
        }
        return out;
    }

    public Outcome evaluate(EnterpriseFacts facts, YearMonth month) {
        Map<SurchargeKind, List<Due>> byKind = new EnumMap<>(SurchargeKind.class);
        for (PriceScale s : inForce(month)) {
            if (s.binds(facts.regionPath(), facts.industries())) {
                due(s, facts, month).ifPresent(d -> byKind.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d));
            }
        }
        List<Conflict> conflicts = new ArrayList<>();
        Map<SurchargeKind, Due> once = new EnumMap<>(SurchargeKind.class);
        byKind.forEach((kind, dues) -> {
            List<String> units = dues.stream().map(Due::unit).distinct().toList();
            if (units.size() > 1) {
                conflicts.add(new Conflict(dues.get(0), dues.get(1), "UNITS"));
            } else {
                once.put(kind, dues.stream().max(Comparator.comparing(Due::rate)).orElseThrow());
            }
        });
        for (Overlap o : overlaps) {
            Due a = once.get(o.kinds().get(0));
            Due b = once.get(o.kinds().get(1));
            if (a == null || b == null) {
                continue;
            }
            if (o.winner() == null) {
                once.remove(a.kind());
                once.remove(b.kind());
                conflicts.add(new Conflict(a, b, "OVERLAP"));
            } else {
                once.remove(o.winner() == a.kind() ? b.kind() : a.kind());
            }
        }
        return new Outcome(List.copyOf(once.values()), conflicts);
    }

    private Optional<Due> due(PriceScale s, EnterpriseFacts f, YearMonth month) {
        PriceScale.Trigger t = s.trigger();
        BigDecimal flat = s.amount() == null ? null : s.amount().value();
        String unit = s.unit();
        switch (t.type()) {
            case "ELIMINATED_EQUIPMENT" -> {
                return f.eliminated().stream()
                        .filter(e -> t.equipmentTypes().isEmpty() || t.equipmentTypes().contains(e.equipmentType()))
                        .findFirst().map(e -> new Due(s.kind(), s.id(), flat, unit, s.base(), e.findingId(), e.ruleId(),
                                null, null, e.catalogueVersion(), s.citation(), s.confidence()));
            }
            case "NONCOMPLIANT_METRIC" -> {
                return f.noncompliant().stream()
                        .filter(n -> t.metric() == null || t.metric().equals(n.metric()))
                        .filter(n -> t.dimension() == null || t.dimension().equals(n.dimension()))
                        .filter(n -> t.overLimitFactor() == null || overLimit(n, t.overLimitFactor()))
                        .findFirst().map(n -> new Due(s.kind(), s.id(), flat, unit, s.base(), n.findingId(), n.ruleId(),
                                null, n.value(), n.catalogueVersion(), s.citation(), s.confidence()));
            }
            case "METRIC_BRACKET" -> {
                if (s.brackets() == null) {
                    return Optional.empty();
                }
                int year = month.getYear() - 1;
                return f.verified().stream().filter(v -> v.metric().equals(t.metric()) && v.year() == year)
                        .findFirst().flatMap(v -> {
                            BigDecimal rate = s.brackets().rate(v.value());
                            return rate.signum() == 0 ? Optional.empty()
                                    : Optional.of(new Due(s.kind(), s.id(), rate, unit, s.base(), null, null,
                                            v.measurementId(), v.value(), scalesVersion, s.citation(), s.confidence()));
                        });
            }
            case "MISSED_TARGET" -> {
                return f.missedTargets().stream().filter(x -> x.concerns(f.regionPath(), f.industries())).findFirst()
                        .map(x -> new Due(s.kind(), s.id(), flat, unit, s.base(), "target:" + x.targetId(), null, null,
                                null, scalesVersion, s.citation(), s.confidence()));
            }
            case "ACTIVITY" -> {
                return f.activities().contains(t.activity())
                        ? Optional.of(new Due(s.kind(), s.id(), flat, unit, s.base(), null, null, null, null,
                                scalesVersion, s.citation(), s.confidence()))
                        : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * "超过限额标准一倍以上": for a limit on consumption per unit the value is more than {@code factor} × the limit; a
     * finding without numbers does not count.
     */
    static boolean overLimit(EnterpriseFacts.Noncompliance n, BigDecimal factor) {
        if (n.value() == null || n.limit() == null || n.limit().signum() <= 0) {
            return false;
        }
        return n.value().compareTo(n.limit().multiply(factor)) > 0;
    }
}

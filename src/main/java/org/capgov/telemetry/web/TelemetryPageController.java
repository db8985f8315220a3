package org.capgov.telemetry.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.Vocabulary;
import org.capgov.telemetry.quality.LimitLines;
import org.capgov.telemetry.quality.QualityRepository;
import org.capgov.telemetry.validity.AggregateRepository;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The online monitoring pages: the logger registry, a logger's live view (last packets with their flags, a chart of
 * each factor with its limit line, hourly values with the raw packets behind them), the data-quality alerts with the
 * chart around each, and the district overview of loggers online, silent and in fault.
 */
@Controller
class TelemetryPageController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE',"
            + "'OBSERVER')";
    /** A logger that sent nothing for this long is shown as silent (minute data arrive every minute). */
    static final Duration ONLINE_WITHIN = Duration.ofMinutes(30);

    /** A logger row with its status. */
    record LoggerView(TelemetryPageRepository.Row row, String status) {
    }

    /** One district of the overview. */
    record District(String code, String name, Map<String, Integer> counts, int total) {
    }

    /** An hourly or daily value with its limit verdict. */
    record ValueView(AggregateRepository.Aggregate value, Double limit, boolean exceeds) {
    }

    private final TelemetryPageRepository pages;
    private final AggregateRepository aggregates;
    private final QualityRepository alerts;
    private final LimitLines limits;
    private final EnterpriseService enterprises;
    private final EnterpriseExceedances exceedances;
    private final Vocabulary labels;
    private final Clock clock;

    TelemetryPageController(TelemetryPageRepository pages, AggregateRepository aggregates, QualityRepository alerts,
            LimitLines limits, EnterpriseService enterprises, EnterpriseExceedances exceedances, Vocabulary labels,
            Clock clock) {
        this.exceedances = exceedances;
        this.pages = pages;
        this.aggregates = aggregates;
        this.alerts = alerts;
        this.limits = limits;
        this.enterprises = enterprises;
        this.labels = labels;
        this.clock = clock;
    }

    @GetMapping("/telemetry/loggers")
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    String registry(@RequestParam(required = false) String uscc, Model model) {
        List<TelemetryPageRepository.Row> rows = pages.loggers(Actors.scope(), null).stream()
                .filter(r -> uscc == null || uscc.isBlank() || r.uscc().equalsIgnoreCase(uscc.strip())).toList();
        model.addAttribute("loggers", rows.stream().map(this::view).toList());
        if (uscc != null && !uscc.isBlank() && !rows.isEmpty()) {
            // the enterprise's exceedances of the last 90 days, each linked to the raw packets behind it
            Enterprise owner = enterprises.get(rows.get(0).uscc());
            model.addAttribute("enterprise", owner);
            model.addAttribute("exceedances", exceedances.of(owner, rows));
        }
        return "telemetry/loggers";
    }

    @GetMapping("/telemetry/overview")
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    String overview(Model model) {
        Map<String, District> districts = new TreeMap<>();
        for (TelemetryPageRepository.Row r : pages.loggers(Actors.scope(), null)) {
            String status = status(r);
            District d = districts.computeIfAbsent(r.regionCode(), c -> new District(c, r.regionName(),
                    new LinkedHashMap<>(Map.of("ONLINE", 0, "SILENT", 0, "FAULT", 0, "NEVER", 0)), 0));
            d.counts().merge(status, 1, Integer::sum);
            districts.put(d.code(), new District(d.code(), d.name(), d.counts(), d.total() + 1));
        }
        model.addAttribute("districts", districts.values());
        return "telemetry/overview";
    }

    @GetMapping("/telemetry/loggers/{mn}")
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    String live(@PathVariable String mn, Model model) {
        TelemetryPageRepository.Row row = row(mn);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ChinaTime.ZONE));
        LocalDateTime last = pages.lastDataTime(row.id());
        // the last 24 hours; a logger that is not live is shown around its last data instead
        LocalDateTime to = last == null || last.isAfter(now.minusHours(24)) ? now : last.plusMinutes(1);
        LocalDateTime from = to.minusHours(24);
        Enterprise owner = enterprises.get(row.uscc());
        List<Chart> charts = new ArrayList<>();
        Map<String, String> factors = factors(row.factors());
        factors.forEach((factor, metric) -> charts.add(chart(row, owner, factor, metric, from, to, null, null)));
        List<ValueView> hourly = values(row, owner, factors, "HOUR", from, to);
        model.addAttribute("logger", view(row));
        model.addAttribute("factors", factors);
        model.addAttribute("charts", charts);
        model.addAttribute("packets", pages.lastPackets(row.id(), 30));
        model.addAttribute("hourly", hourly);
        model.addAttribute("daily", values(row, owner, factors, "DAY", from.minusDays(7), to));
        model.addAttribute("tolerances", pages.toleranceUses(row.id()));
        model.addAttribute("alerts", alerts.alerts(Actors.scope(), mn, 20));
        model.addAttribute("enterprise", owner);
        return "telemetry/logger";
    }

    @GetMapping("/telemetry/loggers/{mn}/packets")
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    String packets(@PathVariable String mn,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to, Model model) {
        TelemetryPageRepository.Row row = row(mn);
        if (!to.isAfter(from) || Duration.between(from, to).toDays() > 31) {
            throw DomainException.invalid(List.of(new DomainException.FieldProblem("to", to.toString(),
                    "结束时间须晚于开始时间，且跨度不超过 31 天")));
        }
        model.addAttribute("logger", view(row));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("packets", pages.packets(row.id(), from, to, 2000));
        return "telemetry/packets";
    }

    @GetMapping("/telemetry/alerts")
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    String alerts(Model model) {
        model.addAttribute("alerts", alerts.alerts(Actors.scope(), null, 500));
        return "telemetry/alerts";
    }

    @GetMapping("/telemetry/alerts/{id}")
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    String alert(@PathVariable long id, Model model) {
        QualityRepository.Alert a = alerts.alert(Actors.scope(), id)
                .orElseThrow(() -> DomainException.notFound("error.telemetry.alertNotFound", id));
        TelemetryPageRepository.Row row = row(a.mn());
        Enterprise owner = enterprises.get(row.uscc());
        Map<String, String> factors = factors(row.factors());
        // the data around the alert: six hours either side of its stretch
        LocalDateTime from = a.windowStart().minusHours(6);
        LocalDateTime to = a.windowEnd().plusHours(6);
        List<Chart> charts = new ArrayList<>();
        factors.forEach((factor, metric) -> {
            if (a.factor() == null || a.factor().isEmpty() || a.factor().equals(factor)) {
                charts.add(chart(row, owner, factor, metric, from, to, a.windowStart(), a.windowEnd()));
            }
        });
        model.addAttribute("alert", a);
        model.addAttribute("logger", view(row));
        model.addAttribute("charts", charts);
        model.addAttribute("enterprise", owner);
        return "telemetry/alert";
    }

    private Chart chart(TelemetryPageRepository.Row row, Enterprise owner, String factor, String metric,
            LocalDateTime from, LocalDateTime to, LocalDateTime hFrom, LocalDateTime hTo) {
        Double limit = limits.of(owner, metric, to.toLocalDate()).map(LimitLines.Limit::value).orElse(null);
        String title = labels.of("telemetry.factor.", factor) + (metric == null ? "" : "（" + labels.metric(metric) + "）");
        String unit = org.capgov.telemetry.protocol.Hj212Factors.unit(factor);
        return Chart.of(factor, title, unit == null ? "" : labels.unit(unit), pages.series(row.id(), factor, from, to),
                from, to, limit, hFrom, hTo);
    }

    private List<ValueView> values(TelemetryPageRepository.Row row, Enterprise owner, Map<String, String> factors,
            String period, LocalDateTime from, LocalDateTime to) {
        return aggregates.list(row.id(), period, from, to).stream().map(v -> {
            Double limit = limits.of(owner, v.metric(), v.start().toLocalDate()).map(LimitLines.Limit::value)
                    .orElse(null);
            return new ValueView(v, limit, limit != null && v.valid() && v.mean() != null && v.mean() > limit);
        }).toList();
    }

    private TelemetryPageRepository.Row row(String mn) {
        return pages.loggers(Actors.scope(), mn).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("error.telemetry.loggerNotFound", mn));
    }

    private LoggerView view(TelemetryPageRepository.Row r) {
        return new LoggerView(r, status(r));
    }

    /** ONLINE, SILENT (nothing for {@link #ONLINE_WITHIN}), FAULT (the last thing it sent was refused or flagged D/B), NEVER. */
    private String status(TelemetryPageRepository.Row r) {
        if (r.lastFaultAt() != null && (r.lastPacketAt() == null || !r.lastFaultAt().isBefore(r.lastPacketAt()))) {
            return "FAULT";
        }
        if (r.lastPacketAt() == null) {
            return "NEVER";
        }
        return r.lastPacketAt().isBefore(Instant.now(clock).minus(ONLINE_WITHIN)) ? "SILENT" : "ONLINE";
    }

    private static Map<String, String> factors(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text != null) {
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    m.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return m;
    }
}

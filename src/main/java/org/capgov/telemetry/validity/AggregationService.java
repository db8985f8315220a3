package org.capgov.telemetry.validity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.identity.SystemActor;
import org.capgov.monitoring.Measurement;
import org.capgov.monitoring.MeasurementDraft;
import org.capgov.monitoring.MeasurementService;
import org.capgov.monitoring.MeasurementSource;
import org.capgov.monitoring.Metric;
import org.capgov.monitoring.Validity;
import org.capgov.monitoring.Units;
import org.capgov.shared.ChinaTime;
import org.capgov.telemetry.protocol.Hj212Factors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns stored packets into hourly values (minute data CN 2051 averaged, or hourly data CN 2061 taken as sent) and
 * hourly values into daily ones, with the data marking of {@link Averaging}; then feeds the valid values of the
 * statistic that {@link StatisticRules} names to the monitoring module as measurements with source
 * {@code ONLINE_MONITORING}, so that the compliance engine judges them like any other. Each logger-hour is one
 * transaction and one audit entry naming the hour's packets by their hashes (docs/reference/hj212.md §8).
 */
@Service
@EnableConfigurationProperties(ValidityProperties.class)
public class AggregationService {

    private static final Logger LOG = LoggerFactory.getLogger(AggregationService.class);

    /** What one pass did; {@code revised} counts hours computed again because packets arrived after them. */
    public record Pass(int hours, int days, int measurements, int revised) {
    }

    private final AggregateRepository aggregates;
    private final StatisticRules statistics;
    private final MeasurementService measurements;
    private final AuditTrail audit;
    private final ValidityProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    AggregationService(AggregateRepository aggregates, StatisticRules statistics, MeasurementService measurements,
            AuditTrail audit, ValidityProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.aggregates = aggregates;
        this.statistics = statistics;
        this.measurements = measurements;
        this.audit = audit;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${capgov.telemetry.validity.every:PT5M}", initialDelayString = "PT1M")
    void scheduled() {
        if (!properties.scheduled()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("Averaging of online monitoring data failed; next pass retries: {}", e.toString());
        }
    }

    /**
     * Averages every hour and day that has ended (plus the grace for late packets) and was not averaged yet; then
     * computes again each averaged hour that received packets since (and its day, when that was averaged too),
     * revising the measurements fed from them instead of adding new ones.
     */
    public Pass run() {
        LocalDateTime before = LocalDateTime.now(clock.withZone(ChinaTime.ZONE))
                .minusMinutes(properties.graceMinutes());
        return SystemActor.call(() -> {
            int fed = 0;
            List<AggregateRepository.Due> hours = aggregates.dueHours(before);
            for (AggregateRepository.Due due : hours) {
                fed += tx.execute(s -> hour(due, false));
            }
            List<AggregateRepository.Due> late = aggregates.lateHours(clock.instant()
                    .minus(java.time.Duration.ofHours(properties.lateLookbackHours())));
            java.util.Set<AggregateRepository.Due> lateDays = new java.util.LinkedHashSet<>();
            for (AggregateRepository.Due due : late) {
                fed += tx.execute(s -> hour(due, true));
                LocalDateTime day = due.start().truncatedTo(ChronoUnit.DAYS);
                if (aggregates.hasDay(due.loggerId(), day)) {
                    lateDays.add(new AggregateRepository.Due(due.loggerId(), day));
                }
            }
            List<AggregateRepository.Due> days = aggregates.dueDays(before);
            for (AggregateRepository.Due due : days) {
                fed += tx.execute(s -> day(due, false));
            }
            for (AggregateRepository.Due due : lateDays) {
                fed += tx.execute(s -> day(due, true));
            }
            return new Pass(hours.size(), days.size(), fed, late.size());
        });
    }

    private int hour(AggregateRepository.Due due, boolean again) {
        AggregateRepository.LoggerRef logger = aggregates.logger(due.loggerId());
        LocalDateTime end = due.start().plusHours(1);
        Map<String, List<AggregateRepository.Row>> byFactor = new LinkedHashMap<>();
        java.util.Set<Long> packets = new java.util.HashSet<>();
        for (AggregateRepository.Row r : aggregates.values(logger.id(), due.start(), end)) {
            byFactor.computeIfAbsent(r.factor(), f -> new ArrayList<>()).add(r);
            packets.add(r.packetId());
        }
        Instant now = clock.instant();
        List<Feed> feeds = new ArrayList<>();
        byFactor.forEach((factor, rows) -> {
            // hourly data as the logger sent it stands for the hour; else the minutes are averaged
            List<AggregateRepository.Row> hourly = rows.stream().filter(r -> r.cn().equals("2061")).toList();
            boolean sent = !hourly.isEmpty();
            List<Averaging.Point> points = (sent ? hourly : rows).stream()
                    .map(r -> new Averaging.Point(r.dataTime(), r.value(), r.flag())).toList();
            Averaging.Mean mean = Averaging.of(points, sent ? 1 : properties.minValidMinutes());
            String metric = rows.get(0).metric();
            Converted c = convert(factor, metric, mean);
            aggregates.insert(logger.id(), factor, metric, "HOUR", due.start(), c.mean(), c.unit(), packets.size(), now);
            boolean toEngine = c.toMetric() && wants(metric, StatisticRule.Statistic.HOURLY_MEAN);
            Feed f = new Feed(factor, metric, c.mean().mean(), c.unit(), "HOUR", due.start(), end);
            if (!again || !revised(logger, f, toEngine && c.mean().valid(), packets.size())) {
                if (c.mean().valid() && toEngine) {
                    feeds.add(f);
                }
            }
        });
        auditBatch(logger, due.start(), end, again);
        return feed(logger, feeds);
    }

    private int day(AggregateRepository.Due due, boolean again) {
        AggregateRepository.LoggerRef logger = aggregates.logger(due.loggerId());
        Map<String, List<AggregateRepository.Aggregate>> byFactor = new LinkedHashMap<>();
        for (AggregateRepository.Aggregate a : aggregates.hours(logger.id(), due.start())) {
            byFactor.computeIfAbsent(a.factor(), f -> new ArrayList<>()).add(a);
        }
        Instant now = clock.instant();
        List<Feed> feeds = new ArrayList<>();
        byFactor.forEach((factor, hours) -> {
            // an hour that is not valid does not count towards the day; it is counted as excluded
            List<Averaging.Point> points = hours.stream().map(h -> new Averaging.Point(h.start(), h.mean(),
                    h.valid() ? "N" : "H")).toList();
            Averaging.Mean mean = Averaging.of(points, properties.minValidHours());
            String metric = hours.get(0).metric();
            String unit = hours.get(0).unit();
            aggregates.insert(logger.id(), factor, metric, "DAY", due.start(), mean, unit, null, now);
            boolean toMetric = metric != null && Metric.of(metric).map(m -> m.unit().equals(unit)).orElse(false);
            boolean toEngine = toMetric && wants(metric, StatisticRule.Statistic.DAILY_MEAN);
            Feed f = new Feed(factor, metric, mean.mean(), unit, "DAY", due.start(), due.start().plusDays(1));
            if (!again || !revised(logger, f, toEngine && mean.valid(), hours.size())) {
                if (mean.valid() && toEngine) {
                    feeds.add(f);
                }
            }
        });
        return feed(logger, feeds);
    }

    /**
     * A value computed again: the measurement it was fed as is revised in place (a system revision, audited by
     * monitoring), to the new value or to not valid; true when there was one, false when it must be fed anew.
     */
    private boolean revised(AggregateRepository.LoggerRef logger, Feed f, boolean valid, int inputs) {
        Long id = aggregates.measurementOf(logger.id(), f.factor(), f.period(), f.start());
        if (id == null) {
            return false;
        }
        Measurement old = measurements.get(id);
        BigDecimal value = valid ? rounded(f.value()) : old.value();
        measurements.revise(id, value, valid ? Validity.VALID : Validity.INVALID, "迟到报文：数采仪 " + logger.mn() + " "
                + f.start().toString().replace('T', ' ') + " 起的" + (f.period().equals("HOUR") ? "小时" : "日")
                + "均值按 " + inputs + (f.period().equals("HOUR") ? " 包" : " 个小时值") + "重算");
        return true;
    }

    private static BigDecimal rounded(Double v) {
        return BigDecimal.valueOf(v).round(new java.math.MathContext(8));
    }

    private boolean wants(String metric, StatisticRule.Statistic statistic) {
        return statistics.of(metric).map(r -> r.statistic() == statistic).orElse(false);
    }

    /** A mean in the metric's unit when the factor's unit converts to it; else as sent, not for the engine. */
    private record Converted(Averaging.Mean mean, String unit, boolean toMetric) {
    }

    static Converted convert(String factor, String metric, Averaging.Mean m) {
        String from = Hj212Factors.unit(factor);
        String to = metric == null ? null : Metric.of(metric).map(Metric::unit).orElse(null);
        if (from == null || to == null) {
            return new Converted(m, from, false);
        }
        if (m.mean() == null) {
            return new Converted(m, to, Units.sameDimension(from, to));
        }
        return Units.convert(BigDecimal.valueOf(m.mean()), from, to)
                .map(v -> new Converted(new Averaging.Mean(v.doubleValue(), m.validCount(), m.invalidCount(),
                        m.excluded(), m.valid()), to, true))
                .orElseGet(() -> new Converted(m, from, false));
    }

    private record Feed(String factor, String metric, Double value, String unit, String period, LocalDateTime start,
            LocalDateTime end) {
    }

    private int feed(AggregateRepository.LoggerRef logger, List<Feed> feeds) {
        if (feeds.isEmpty()) {
            return 0;
        }
        List<MeasurementDraft> drafts = new ArrayList<>();
        for (Feed f : feeds) {
            String statistic = f.period().equals("HOUR") ? "HOURLY_MEAN" : "DAILY_MEAN";
            drafts.add(new MeasurementDraft(logger.uscc(), logger.equipmentCode(), f.metric(),
                    rounded(f.value()).toPlainString(), f.unit(),
                    f.end().atOffset(ZoneOffset.ofHours(8)).toString(), null, null,
                    MeasurementSource.ONLINE_MONITORING.name(), "VALID",
                    Map.of("statistic", statistic, "monitoring_point", logger.monitoringPoint(), "logger_mn", logger.mn(),
                            "factor", f.factor()),
                    "HJ 212 " + logger.mn() + " " + f.start().toString().replace('T', ' ')));
        }
        List<Measurement> stored = measurements.record(drafts);
        for (int i = 0; i < stored.size() && i < feeds.size(); i++) {
            Feed f = feeds.get(i);
            aggregates.linkMeasurement(logger.id(), f.factor(), f.period(), f.start(), stored.get(i).id());
        }
        return stored.size();
    }

    /**
     * One audit entry per logger-hour: the packets are not audited one by one (the trail is a serialised hash chain),
     * but their hashes are chained into this entry, so any later change to a stored raw packet shows.
     */
    private void auditBatch(AggregateRepository.LoggerRef logger, LocalDateTime from, LocalDateTime to, boolean again) {
        List<AggregateRepository.PacketHash> packets = aggregates.packetHashes(logger.id(), from, to);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("mn", logger.mn());
        after.put("hour", from.truncatedTo(ChronoUnit.HOURS).toString());
        after.put("packets", packets.size());
        after.put("firstQn", packets.isEmpty() ? null : packets.get(0).qn());
        after.put("lastQn", packets.isEmpty() ? null : packets.get(packets.size() - 1).qn());
        after.put("sha256", batchHash(packets));
        // a late packet changes the hour's set of packets: a second entry names the new set (the first stays)
        audit.record(new AuditEvent(again ? AuditAction.UPDATE : AuditAction.CREATE, "telemetry_batch",
                logger.mn() + "@" + from, logger.regionPath(), (again ? "迟到报文，重算" : "在线监测数据入库")
                        + "：数采仪 " + logger.mn() + " " + from.toString().replace('T', ' ') + " 起一小时，"
                        + packets.size() + " 包", null, after));
    }

    /** SHA-256 over "qn:sha256\n" of each packet in QN order; packets stored before hashes were kept count as "-". */
    static String batchHash(List<AggregateRepository.PacketHash> packets) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (AggregateRepository.PacketHash p : packets) {
                d.update((p.qn() + ":" + (p.sha256() == null ? "-" : p.sha256()) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

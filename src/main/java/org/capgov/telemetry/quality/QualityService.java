package org.capgov.telemetry.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.capgov.identity.SystemActor;
import org.capgov.notification.Notice;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.registry.EquipmentStatus;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the data-quality policies over each logger's recent data and turns new hits into alerts for the environment
 * department (生态环境局) of the enterprise's region, delivered to the notification inbox with a link to the alert
 * page, which shows the chart of the data around it.
 */
@Service
@EnableConfigurationProperties(QualityProperties.class)
public class QualityService {

    private static final Logger LOG = LoggerFactory.getLogger(QualityService.class);

    private final QualityRepository repository;
    private final EnterpriseService enterprises;
    private final EquipmentService equipment;
    private final LimitLines limits;
    private final ApplicationEventPublisher events;
    private final Vocabulary labels;
    private final QualityProperties properties;
    private final org.capgov.telemetry.validity.ValidityProperties schedule;
    private final TransactionTemplate tx;
    private final Clock clock;

    QualityService(QualityRepository repository, EnterpriseService enterprises, EquipmentService equipment,
            LimitLines limits, ApplicationEventPublisher events, Vocabulary labels, QualityProperties properties,
            org.capgov.telemetry.validity.ValidityProperties schedule, PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.equipment = equipment;
        this.limits = limits;
        this.events = events;
        this.labels = labels;
        this.properties = properties;
        this.schedule = schedule;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The policies in force, built from the configuration; those named in {@code disabled} are left out. */
    public List<QualityPolicy> policies() {
        QualityProperties p = properties;
        List<QualityPolicy> all = List.of(
                new MissingDataPolicy("DAY", p.missingDayRate()), new MissingDataPolicy("MONTH", p.missingMonthRate()),
                new FrozenValuePolicy(hours(p.frozenHours())), new RoundNumberPolicy(p.roundStep(), hours(p.roundHours())),
                new PinnedUnderLimitPolicy(p.pinnedBand(), hours(p.pinnedHours())),
                new ImpossibleValuePolicy(ImpossibleValuePolicy.PHYSICAL), new OxygenMissingPolicy(),
                new TimestampPolicy(Duration.ofMinutes(p.futureSkewMinutes())),
                new SilentDuringProductionPolicy(hours(p.silentHours())));
        return all.stream().filter(q -> !p.disabled().contains(q.name())).toList();
    }

    private static Duration hours(double h) {
        return Duration.ofMinutes(Math.round(h * 60));
    }

    @Scheduled(fixedDelayString = "${capgov.telemetry.quality.every:PT15M}", initialDelayString = "PT2M")
    void scheduled() {
        if (!schedule.scheduled()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("Data-quality pass over online monitoring failed; next pass retries: {}", e.toString());
        }
    }

    /** One pass over every logger; the number of new alerts. */
    public int run() {
        return SystemActor.call(() -> {
            int created = 0;
            for (QualityRepository.Subject s : repository.loggers()) {
                created += tx.execute(t -> check(s));
            }
            return created;
        });
    }

    private int check(QualityRepository.Subject s) {
        Instant nowInstant = clock.instant();
        LocalDateTime now = LocalDateTime.ofInstant(nowInstant, ChinaTime.ZONE);
        Enterprise owner = enterprises.get(s.uscc());
        Map<String, Double> factorLimits = new HashMap<>();
        s.factors().forEach((factor, metric) -> limits.of(owner, metric, now.toLocalDate())
                .ifPresent(l -> factorLimits.put(factor, l.value())));
        boolean producing = equipment.of(s.uscc()).stream()
                .filter(q -> s.equipmentCode() == null || q.code().equals(s.equipmentCode()))
                .anyMatch(q -> q.status() == EquipmentStatus.OPERATING);
        Instant from = nowInstant.minus(Duration.ofHours(properties.lookbackHours()));
        LocalDate today = now.toLocalDate();
        List<LoggerWindow.Coverage> coverage = new ArrayList<>();
        coverage(s, "DAY", today.minusDays(1).atStartOfDay(), today.atStartOfDay(), coverage);
        LocalDateTime month = today.withDayOfMonth(1).atStartOfDay();
        coverage(s, "MONTH", month.minusMonths(1), month, coverage);
        LoggerWindow w = new LoggerWindow(s.mn(), s.monitoringPoint(), LocalDateTime.ofInstant(from, ChinaTime.ZONE),
                now, now, repository.packets(s.id(), from, nowInstant, ChinaTime.ZONE), factorLimits, producing,
                // a logger that never sent anything is silent since it was registered
                LocalDateTime.ofInstant(s.lastPacketAt() == null ? s.createdAt() : s.lastPacketAt(), ChinaTime.ZONE),
                coverage);
        int created = 0;
        for (QualityPolicy policy : policies()) {
            for (LoggerWindow.Finding f : policy.check(w)) {
                Optional<Long> id = repository.insert(s.id(), f, s.regionPath(), nowInstant);
                if (id.isPresent()) {
                    created++;
                    notify(id.get(), s, owner, policy, f);
                }
            }
        }
        return created;
    }

    private void coverage(QualityRepository.Subject s, String period, LocalDateTime start, LocalDateTime end,
            List<LoggerWindow.Coverage> out) {
        long valid = repository.validMinutes(s.id(), start, end);
        // a logger that sent no minute data in the period (hourly only, or registered later) is not judged on it
        if (valid >= 0) {
            out.add(new LoggerWindow.Coverage(period, start, end, valid));
        }
    }

    private void notify(long id, QualityRepository.Subject s, Enterprise owner, QualityPolicy policy,
            LoggerWindow.Finding f) {
        String name = labels.in(Vocabulary.ZH, "telemetry.policy.", policy.name());
        String title = "在线监测数据质量告警：" + owner.name() + " 数采仪 " + s.mn() + " " + name;
        String body = f.detail() + "\n时段：" + f.start() + " 至 " + f.end() + "\n依据：" + policy.reason();
        events.publishEvent(Notice.of("TELEMETRY_QUALITY", title, body).linkingTo("/telemetry/alerts/" + id)
                .inRegion(s.regionPath()).toDepartments(repository.environmentDepartments(s.regionPath())
                        .toArray(String[]::new))
                .once("TELEMETRY_QUALITY:" + id));
    }
}

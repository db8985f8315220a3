package org.capgov.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.notification.Notice;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.SqlPredicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily clock of the tasks: a reminder to the lead departments when a period falls due within 30 days, and a 督办
 * (numbered, recorded, sent to the lead departments, the district officers and the coordinator) once a period is
 * overdue. A period that became overdue more than a year before is shown as overdue but not issued again and again
 * (docs/decisions/supervision-readings.md S4).
 */
@Component
public class SupervisionClock {

    /** What one sweep did. */
    public record Result(int reminders, int duban) {
    }

    private final TaskRepository tasks;
    private final SupervisionNotices notices;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    SupervisionClock(TaskRepository tasks, SupervisionNotices notices, ApplicationEventPublisher events,
            AuditTrail audit, Clock clock) {
        this.tasks = tasks;
        this.notices = notices;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "${capgov.supervision.sweep-cron:0 40 1 * * *}", zone = ChinaTime.ZONE_ID)
    @SchedulerLock(name = "supervision-sweep", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1M")
    public void daily() {
        SystemActor.call(() -> sweep(ChinaTime.today(clock), ""));
    }

    /** Reminders and 督办 for the published tasks under {@code regionPath} ("" for all) as of {@code today}. */
    @Transactional
    public Result sweep(LocalDate today, String regionPath) {
        int reminders = 0;
        int duban = 0;
        List<Task> all = tasks.find(SqlPredicate.TRUE, null, null, null, false, today);
        for (Task t : all) {
            if (!t.regionPath().startsWith(regionPath == null ? "" : regionPath) || t.lead().isEmpty()) {
                continue;
            }
            String[] lead = t.lead().toArray(String[]::new);
            if ("DUE_SOON".equals(t.standing())) {
                events.publishEvent(Notice.of("SUPERVISION_DUE_SOON", "任务即将到期：" + t.title(),
                        t.document() + " " + t.section() + "，" + t.period() + " 年度进展应于 " + t.due() + " 前报送。")
                        .linkingTo("/supervision/tasks/" + t.id()).toDepartments(lead)
                        .once("SUPERVISION_DUE_SOON:" + t.id() + ":" + t.period()));
                reminders++;
            } else if ("OVERDUE".equals(t.standing()) && !t.due().isBefore(today.minusDays(365))
                    && !notices.dubanExists(t.id(), t.period())) {
                String number = notices.nextNumber("DUBAN", today.getYear());
                String title = "督办：" + t.regionName() + "“" + t.title() + "”逾期未完成";
                String body = t.document() + " " + t.section() + " 要求于 " + t.due() + " 前完成（" + t.deadlineText()
                        + "），至 " + today + " 仍未报送或未通过审核。请牵头单位" + String.join("、", t.leadNames())
                        + "立即办理并报送进展。";
                long id = notices.insert("DUBAN", number, t.id(), t.period(), t.regionPath(), title, body, null,
                        Actors.username(), today, clock.instant());
                if (id == 0) {
                    continue;
                }
                audit.record(AuditEvent.created("supervision_notice", Long.toString(id), t.regionPath(),
                        java.util.Map.of("kind", "DUBAN", "number", number, "task", t.id(), "period", t.period())));
                events.publishEvent(Notice.of("SUPERVISION_DUBAN", title + "（" + number + "）", body)
                        .linkingTo("/supervision/tasks/" + t.id()).inRegion(t.regionPath()).toDepartments(lead)
                        .toRoles(Role.DISTRICT_OFFICER, Role.COORDINATOR)
                        .once("SUPERVISION_DUBAN:" + t.id() + ":" + t.period()));
                duban++;
            }
        }
        return new Result(reminders, duban);
    }
}

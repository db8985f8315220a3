package org.capgov.capacity.warning;

import java.time.Clock;
import java.time.YearMonth;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.capgov.shared.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Evaluates the previous month once its reports have closed: at 02:00 China time on
 * {@code capgov.capacity.warnings.evaluation-day} (default the 20th) of each month, on one node (ShedLock).
 */
@Component
class WarningSchedule {

    private static final Logger log = LoggerFactory.getLogger(WarningSchedule.class);

    private final WarningService warnings;
    private final Clock clock;

    WarningSchedule(WarningService warnings, Clock clock) {
        this.warnings = warnings;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 2 ${capgov.capacity.warnings.evaluation-day:20} * *", zone = ChinaTime.ZONE_ID)
    @SchedulerLock(name = "capacity-warning-evaluation", lockAtMostFor = "PT2H")
    void evaluatePreviousMonth() {
        YearMonth month = YearMonth.from(ChinaTime.today(clock)).minusMonths(1);
        WarningService.Evaluation e = warnings.evaluate(month.toString());
        log.info("Capacity warnings for {}: {} product × region figures, {} opened, {} continued, {} closed", month,
                e.evaluated(), e.opened(), e.continued(), e.closed());
    }
}

package org.capgov.monitoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * The monthly partitions of the {@code measurement} table (V18). Insert paths call {@link #ensure} with the
 * effective dates of a batch before writing it; a daily job creates the coming months ahead and moves any month that
 * landed in the default partition into its own. Creation runs in its own short transaction (never inside the
 * inserting one, which would hold the new partition's DDL locks for the length of an import) with a lock timeout: if
 * it cannot get its locks in time (a long full read holds the default partition), the values simply go to the
 * default partition, which stays correct, and the daily job moves them out later.
 */
@Component
public class MeasurementPartitions {

    private static final Logger log = LoggerFactory.getLogger(MeasurementPartitions.class);
    private static final int MONTHS_AHEAD = 2;

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    /** Months known to have their partition: most batches touch only these and cost no round trip. */
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    MeasurementPartitions(Clock clock, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Makes sure the months of these days have their partition; returns how many partitions were created. */
    public int ensure(Collection<LocalDate> days) {
        Set<YearMonth> missing = new TreeSet<>();
        for (LocalDate d : days) {
            if (d != null && !known.contains(YearMonth.from(d))) {
                missing.add(YearMonth.from(d));
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        String firstDays = String.join(",", missing.stream().map(m -> m.atDay(1).toString()).toList());
        try {
            Integer created = own.execute(tx -> {
                jdbc.sql("set local lock_timeout = '5s'").update();
                return jdbc.sql("select measurement_ensure_partitions(string_to_array(:days, ',')::date[])").param("days", firstDays)
                        .query(Integer.class).single();
            });
            known.addAll(missing);
            if (created != null && created > 0) {
                log.info("Created {} monthly measurement partition(s) for {}", created, missing);
            }
            return created == null ? 0 : created;
        } catch (DataAccessException e) {
            log.warn("Monthly measurement partitions for {} not created now ({}); the values go to the default "
                    + "partition until the daily maintenance moves them", missing, e.getMostSpecificCause().getMessage());
            return 0;
        }
    }

    /** The current and coming months, and every month found in the default partition, get their own partition. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 17 2 * * *", zone = ChinaTime.ZONE_ID)
    public int maintain() {
        List<LocalDate> days = new java.util.ArrayList<>(jdbc.sql(
                "select distinct date_trunc('month', effective_date)::date from measurement_default")
                .query(LocalDate.class).list());
        days.forEach(d -> known.remove(YearMonth.from(d)));
        LocalDate today = ChinaTime.today(clock);
        for (int i = 0; i <= MONTHS_AHEAD; i++) {
            days.add(today.plusMonths(i));
        }
        return ensure(days);
    }
}

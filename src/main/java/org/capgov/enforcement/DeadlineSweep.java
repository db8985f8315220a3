package org.capgov.enforcement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.capgov.notification.Notice;
import org.capgov.shared.Dimension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * The daily deadline sweep. An open case whose (inclusive) deadline lies before today and whose passing has not been
 * reported yet gets {@code overdue_since} (the day after the deadline), and {@link CaseDeadlineMissed} and a
 * {@link Notice} (to the department, the district officers and the coordinator covering the region; one per department
 * × region of a chunk, naming its cases) are published in the same transaction. A case is reported once per deadline: running the sweep again finds nothing new; only a
 * deadline that moves (an extension, a closure decision with an exit deadline) clears the mark and starts a new clock.
 * <p>
 * Set-based and in chunks: each chunk marks up to {@value #CHUNK} cases with one UPDATE … RETURNING in its own
 * transaction, walking the partial index of open cases in (deadline, id) order; the mark is a HOT update (no index
 * holds overdue_since). Cases locked by an officer's action at that moment are skipped and reported by the next run.
 */
@Component
public class DeadlineSweep {

    static final int CHUNK = 10_000;
    /** Cases named one by one in an overdue notice; the rest are counted and reached through its link. */
    static final int DIGEST_LINES = 20;

    /** What one run did: cases reported, total time, and the part of it spent in the database. */
    public record Result(LocalDate asOf, int reported, long millis, long databaseMillis) {
    }

    private record Missed(String id, CaseKind kind, long enterpriseId, String uscc,
            String regionPath, Dimension dimension, CaseState state, LocalDate deadline, String department,
            String dismantlingOf) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final java.util.Map<String, String> labels = new java.util.concurrent.ConcurrentHashMap<>();
    private final Clock clock;

    DeadlineSweep(Clock clock, JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
            MessageSource messages) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.messages = messages;
    }

    @Scheduled(cron = "${capgov.enforcement.sweep-cron:0 10 1 * * *}", zone = ChinaTime.ZONE_ID)
    @SchedulerLock(name = "enforcement-deadline-sweep", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public void daily() {
        sweep(ChinaTime.today(clock));
    }

    /** Reports every open case whose deadline lies before {@code today}; callable from tests and the admin API. */
    public Result sweep(LocalDate today) {
        long t0 = System.nanoTime();
        int reported = 0;
        long[] database = {0};
        LocalDate lastDeadline = LocalDate.of(1, 1, 1);
        String lastId = "";
        while (true) {
            LocalDate fromDeadline = lastDeadline;
            String fromId = lastId;
            List<Missed> chunk = tx.execute(status -> chunk(today, fromDeadline, fromId, database));
            if (chunk == null || chunk.isEmpty()) {
                break;
            }
            reported += chunk.size();
            Missed last = chunk.get(chunk.size() - 1);
            lastDeadline = last.deadline();
            lastId = last.id();
        }
        reported += dismantling(today);
        return new Result(today, reported, (System.nanoTime() - t0) / 1_000_000, database[0] / 1_000_000);
    }

    private List<Missed> chunk(LocalDate today, LocalDate fromDeadline, String fromId, long[] database) {
        long t0 = System.nanoTime();
        List<Missed> missed = jdbc.sql("""
                with due as (
                  select id from enforcement_case
                   where closed_on is null and overdue_since is null and deadline < :today
                     and (deadline, id) > (:fromDeadline, :fromId)
                   order by deadline, id limit :chunk
                   for update skip locked)
                update enforcement_case c set overdue_since = c.deadline + 1
                  from due
                 where c.id = due.id
                returning c.id, c.kind, c.enterprise_id, c.uscc, c.region_path, c.dimension, c.state, c.deadline,
                          c.department_code""")
                .param("today", today).param("fromDeadline", fromDeadline).param("fromId", fromId)
                .param("chunk", CHUNK)
                .query((rs, n) -> new Missed(rs.getString(1), CaseKind.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), rs.getString(5), Dimension.valueOf(rs.getString(6)),
                        CaseState.valueOf(rs.getString(7)), rs.getDate(8).toLocalDate(), rs.getString(9), null))
                .list();
        database[0] += System.nanoTime() - t0;
        // RETURNING gives no order: the walk continues after the greatest (deadline, id) of the chunk
        missed = new ArrayList<>(missed);
        missed.sort(java.util.Comparator.comparing(Missed::deadline).thenComparing(Missed::id));
        report(missed, today);
        return missed;
    }

    /**
     * Dismantling deadlines (seed 001 二、(五) "并限时拆除") of items sealed in cases still open: per case and item the
     * latest deadline recorded, passed and not reported yet, with no dismantling recorded. Marked on the measure row
     * ({@code dismantle_overdue_since}, V30) and reported once like a missed exit. Few rows (one per sealed item), so
     * one statement rather than chunks.
     */
    private int dismantling(LocalDate today) {
        List<Missed> missed = tx.execute(status -> report(jdbc.sql("""
                with latest as (
                  select distinct on (m.case_id, m.equipment_id) m.id, m.case_id, m.equipment_id, m.dismantle_deadline,
                         m.dismantle_overdue_since
                    from case_exit_measure m join enforcement_case c on c.id = m.case_id
                   where c.closed_on is null and m.dismantle_deadline is not null
                   order by m.case_id, m.equipment_id, m.id desc),
                due as (
                  select l.id from latest l
                   where l.dismantle_deadline < :today and l.dismantle_overdue_since is null
                     and not exists (select 1 from case_exit_measure d where d.case_id = l.case_id
                                        and d.measure = 'DISMANTLED' and d.equipment_id is not distinct from l.equipment_id)),
                marked as (
                  update case_exit_measure m set dismantle_overdue_since = m.dismantle_deadline + 1 from due
                   where m.id = due.id
                  returning m.case_id, m.equipment_id, m.dismantle_deadline)
                select c.id, c.kind, c.enterprise_id, c.uscc, c.region_path, c.dimension, c.state, k.dismantle_deadline,
                       c.department_code, coalesce(q.code, '')
                  from marked k join enforcement_case c on c.id = k.case_id
                  left join equipment q on q.id = k.equipment_id
                 order by k.dismantle_deadline, c.id""")
                .param("today", today)
                .query((rs, n) -> new Missed(rs.getString(1), CaseKind.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), rs.getString(5), Dimension.valueOf(rs.getString(6)),
                        CaseState.valueOf(rs.getString(7)), rs.getDate(8).toLocalDate(), rs.getString(9),
                        rs.getString(10)))
                .list(), today));
        return missed == null ? 0 : missed.size();
    }

    /** The events and the notices of missed deadlines, in the caller's transaction. */
    private List<Missed> report(List<Missed> missed, LocalDate today) {
        if (missed.isEmpty()) {
            return missed;
        }
        Map<String, List<Missed>> byRecipients = new LinkedHashMap<>();
        for (Missed m : missed) {
            events.publishEvent(new CaseDeadlineMissed(m.id(), m.kind(), m.enterpriseId(), m.uscc(), m.regionPath(),
                    m.dimension(), m.state(), m.deadline(), m.department(), m.dismantlingOf()));
            byRecipients.computeIfAbsent(m.department() + "\n" + m.regionPath(), k -> new ArrayList<>()).add(m);
        }
        // one notice per department × region in a chunk, not one per case: the same people receive them, and a
        // first sweep over a backlog would otherwise put hundreds of thousands of messages into a few inboxes;
        // enterprise names are read only for the cases a notice names, not for every case marked
        Map<Long, String> names = names(byRecipients.values().stream()
                .flatMap(group -> group.stream().limit(DIGEST_LINES)).map(Missed::enterpriseId).distinct().toList());
        byRecipients.values().forEach(group -> events.publishEvent(notice(group, names, today)));
        return missed;
    }

    /** Labels are few and fixed: resolved once, not once per notice of a million. */
    private String label(String code) {
        return labels.computeIfAbsent(code, c -> messages.getMessage(c, null, Locale.SIMPLIFIED_CHINESE));
    }

    private Map<Long, String> names(List<Long> enterpriseIds) {
        Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("select id, name from enterprise where id = any(:ids)")
                .param("ids", enterpriseIds.toArray(Long[]::new))
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    private Notice notice(List<Missed> group, Map<Long, String> names, LocalDate today) {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        Missed first = group.get(0);
        StringBuilder body = new StringBuilder(messages.getMessage("enforcement.notice.overdue.digest.body",
                new Object[] {group.size()}, zh));
        group.stream().limit(DIGEST_LINES).forEach(m -> body.append('\n').append(messages.getMessage(
                "enforcement.notice.overdue.body", new Object[] {names.get(m.enterpriseId()), m.uscc(),
                        label("enforcement.dimension." + m.dimension().name()),
                        label("enforcement.kind." + m.kind().name()), m.id(), m.deadline().toString(),
                        label("enforcement.state." + m.state().name())}, zh)));
        if (group.size() > DIGEST_LINES) {
            body.append('\n').append(messages.getMessage("enforcement.notice.overdue.digest.more",
                    new Object[] {group.size() - DIGEST_LINES}, zh));
        }
        String title = group.size() == 1
                ? messages.getMessage("enforcement.notice.overdue.title", new Object[] {first.id()}, zh)
                : messages.getMessage("enforcement.notice.overdue.digest.title", new Object[] {group.size()}, zh);
        String link = group.size() == 1 ? "/enforcement/cases/" + first.id()
                : "/enforcement/cases?overdue=true&region=" + regionCode(first.regionPath());
        return new Notice("CASE_OVERDUE", title, body.toString(), link, first.regionPath(), List.of(first.department()),
                List.of("DISTRICT_OFFICER", "COORDINATOR"),
                "CASE_OVERDUE:" + first.department() + ":" + first.id() + ":" + first.deadline() + ":" + today);
    }

    /** The last code of a materialised path such as /500000/500102/. */
    private static String regionCode(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 1];
    }
}

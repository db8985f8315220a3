package org.capgov.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.capgov.identity.DepartmentService;
import org.capgov.identity.SystemActor;
import org.capgov.shared.ChinaTime;
import org.capgov.support.IntegrationTest;
import org.capgov.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The clock of the tasks in 丰都县 (500230, used by no other supervision test): a reminder before a deadline, one 督办
 * per overdue period however often the check runs, none for a period overdue more than a year, and a yearly task
 * rolling to the next year once its report is accepted (the MovableClock stands in for the calendar).
 */
class SupervisionClockIT extends IntegrationTest {

    static final String REGION = "500230";
    static final String DEPARTMENT = "FD-JXW";

    @Autowired
    TaskService tasks;
    @Autowired
    SupervisionClock supervisionClock;
    @Autowired
    DepartmentService departments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    private Task task(String title, String deadline, String recurrence) {
        return SystemActor.call(() -> tasks.publish(tasks.createDraft(new TaskInput("丰都县期限测试文件", "一", title,
                "按期完成。", List.of(DEPARTMENT), List.of(), REGION, deadline, recurrence, null)).id()));
    }

    private int duban(long taskId) {
        return jdbc.sql("select count(*) from supervision_notice where kind = 'DUBAN' and task_id = :t")
                .param("t", taskId).query(Integer.class).single();
    }

    @Test
    void remindersDubanOncePerPeriodAndYearlyRoll() {
        SystemActor.run(() -> departments.create(DEPARTMENT, "重庆市丰都县经济和信息化委员会", "县经济信息委",
                "Fengdu Economy and Information Technology Commission", REGION, "GOVERNMENT_DEPARTMENT", Set.of(),
                "期限测试"));
        String path = "/500000/" + REGION + "/";
        LocalDate today = ChinaTime.today(clock);
        Task soon = task("即将到期的任务", today.plusDays(10).toString(), null);
        Task old = task("一年多前逾期的任务", today.minusDays(400).toString(), null);
        Task yearly = task("每年年底报送的任务", null, "12-31");
        assertThat(soon.standing()).isEqualTo("DUE_SOON");
        assertThat(old.standing()).isEqualTo("OVERDUE");
        assertThat(yearly.period()).isEqualTo(today.getYear());

        SupervisionClock.Result first = SystemActor.call(() -> supervisionClock.sweep(today, path));
        assertThat(first.duban()).isZero();
        assertThat(duban(old.id())).isZero();
        assertThat(first.reminders()).isGreaterThanOrEqualTo(1);

        try {
            // to the first day of next year: the yearly task's report on this year is overdue
            LocalDateTime target = LocalDate.of(today.getYear() + 1, 1, 1).atTime(12, 0);
            clock.moveBy(Duration.between(LocalDateTime.now(clock), target));
            LocalDate newYear = ChinaTime.today(clock);
            Task late = SystemActor.call(() -> tasks.get(yearly.id()));
            assertThat(late.standing()).isEqualTo("OVERDUE");
            assertThat(late.period()).isEqualTo(today.getYear());
            SystemActor.call(() -> supervisionClock.sweep(newYear, path));
            SystemActor.call(() -> supervisionClock.sweep(newYear, path));
            assertThat(duban(yearly.id())).isEqualTo(1);
            assertThat(duban(soon.id())).isEqualTo(1);
            assertThat(duban(old.id())).isZero();

            // the year's report accepted: the task rolls to next year's report, due on 12-31
            jdbc.sql("""
                    insert into supervision_report (task_id, period, department_code, text, status, submitted_by,
                        submitted_at) values (:t, :p, :d, '已完成', 'ACCEPTED', 'test', now())""")
                    .param("t", yearly.id()).param("p", today.getYear()).param("d", DEPARTMENT).update();
            Task rolled = SystemActor.call(() -> tasks.get(yearly.id()));
            assertThat(rolled.period()).isEqualTo(today.getYear() + 1);
            assertThat(rolled.due()).isEqualTo(LocalDate.of(today.getYear() + 1, 12, 31));
            assertThat(rolled.standing()).isEqualTo("OPEN");
        } finally {
            clock.reset();
        }
    }
}

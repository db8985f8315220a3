package org.capgov.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.capgov.capacity.TargetStandings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the platform itself knows for a region subtree and a year, shown beside what a department wrote: cases opened,
 * exits announced, yellow and red list entries, credit records, surcharges billed and collected, and the targets'
 * progress. Each figure names its query, so a report can say where it came from. Reads the enforcement, credit and
 * pricing tables without writing them; the targets come from capacity's {@link TargetStandings}.
 */
@Component
public class PlatformFigures {

    /** A figure with the name of the query that produced it (listed in reports' appendices). */
    public record Figure(String query, String label, long value, String sql) {
    }

    private record Query(String name, String label, String sql) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query("cases_opened", "立案数（整改与退出案件）", """
                    select count(*) from enforcement_case
                    where region_path like :path and opened_on between :from and :to"""),
            new Query("exit_cases_opened", "退出案件立案数", """
                    select count(*) from enforcement_case
                    where kind = 'EXIT' and region_path like :path and opened_on between :from and :to"""),
            new Query("exits_announced", "已公告退出（退出名单）", """
                    select count(*) from enforcement_list_case
                    where region_path like :path and announced_on between :from and :to"""),
            new Query("yellow_entered", "列入黄牌名单", """
                    select count(*) from enforcement_list_case
                    where kind = 'RECTIFICATION' and region_path like :path and opened_on between :from and :to"""),
            new Query("red_entered", "列入红牌名单", """
                    select count(*) from enforcement_list_case
                    where region_path like :path and red_since between :from and :to"""),
            new Query("cases_rectified", "整改完成结案数", """
                    select count(*) from enforcement_case
                    where kind = 'RECTIFICATION' and state = 'RECTIFIED' and region_path like :path
                      and closed_on between :from and :to"""),
            new Query("credit_records", "新增失信记录", """
                    select count(*) from credit_record
                    where region_path like :path and since between :from and :to"""),
            new Query("surcharge_billed_yuan", "差别电价加价电费（元）", """
                    select coalesce(round(sum(amount_yuan)), 0) from pricing_billing
                    where region_path like :path and month between :from and :to"""),
            new Query("surcharge_collected_yuan", "已收取加价电费（元）", """
                    select coalesce(round(sum(collected_yuan)), 0) from pricing_billing
                    where region_path like :path and month between :from and :to"""));

    /** How the target figures are obtained, named in the appendix beside the SQL of the others. */
    private static final String TARGET_QUERY = "TargetStandings.count(region, year-end or today): catalogue targets of"
            + " the region subtree measured by the capacity module, counted by status";

    private final JdbcClient jdbc;
    private final TargetStandings targets;
    private final java.time.Clock clock;

    PlatformFigures(JdbcClient jdbc, TargetStandings targets, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.clock = clock;
    }

    public List<Figure> of(String regionPath, int year) {
        List<Figure> out = new ArrayList<>();
        for (Query q : QUERIES) {
            long value = jdbc.sql(q.sql()).param("path", regionPath + "%")
                    .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                    .query(Long.class).single();
            out.add(new Figure(q.name(), q.label(), value, q.sql().replaceAll("\\s+", " ").trim()));
        }
        // targets' progress as of the year's end, or today while the year runs
        LocalDate today = org.capgov.shared.ChinaTime.today(clock);
        LocalDate day = LocalDate.of(year, 12, 31).isBefore(today) ? LocalDate.of(year, 12, 31) : today;
        String region = regionPath.replaceAll("/$", "");
        region = region.substring(region.lastIndexOf('/') + 1);
        Map<String, Long> standing = targets.count(region, day);
        out.add(new Figure("targets_total", "目标任务数", standing.values().stream().mapToLong(Long::longValue).sum(),
                TARGET_QUERY));
        out.add(new Figure("targets_met", "目标任务已完成", standing.get("MET"), TARGET_QUERY));
        out.add(new Figure("targets_at_risk", "目标任务有风险或未完成", standing.get("AT_RISK") + standing.get("MISSED"),
                TARGET_QUERY));
        return out;
    }
}

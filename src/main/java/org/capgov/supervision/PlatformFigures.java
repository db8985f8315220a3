package org.capgov.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the platform itself knows for a region subtree and a year, shown beside what a department wrote: cases opened,
 * exits announced, yellow and red list entries. Each figure names its query, so a report can say where it came from.
 * Reads enforcement's tables (cases and the list table its triggers keep) without writing them.
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
                      and closed_on between :from and :to"""));

    private final JdbcClient jdbc;

    PlatformFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Figure> of(String regionPath, int year) {
        List<Figure> out = new ArrayList<>();
        for (Query q : QUERIES) {
            long value = jdbc.sql(q.sql()).param("path", regionPath + "%")
                    .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                    .query(Long.class).single();
            out.add(new Figure(q.name(), q.label(), value, q.sql().replaceAll("\\s+", " ").trim()));
        }
        return out;
    }
}

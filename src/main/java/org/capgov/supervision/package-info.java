/**
 * Supervision (任务督办): the governments' own tasks from the seeds' task tables and measures (who leads, who
 * cooperates, by when), progress reports per task and year with the coordinator's acceptance, and the clock that
 * reminds, issues 督办 on overdue tasks and 通报 on repeatedly slow districts; the annual reports up the chain; leads
 * from the public about any place and the 八张问题清单 register (internal {@code leads}); exit awards and subsidies
 * (internal {@code awards}, asked through the named interface {@code subsidy}). Reads the department, region,
 * enforcement, credit, pricing and replacement-plan tables without writing them; notices go out through the
 * notification module; the dashboard card is contributed through web's DashboardCard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package org.capgov.supervision;

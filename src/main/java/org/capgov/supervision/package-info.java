/**
 * Supervision (任务督办): the governments' own tasks from the seeds' task tables and measures (who leads, who
 * cooperates, by when), progress reports per task and year with the coordinator's acceptance, and the clock that
 * reminds, issues 督办 on overdue tasks and 通报 on repeatedly slow districts. Reads the department, region and case
 * tables without writing them; notices go out through the notification module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision")
package org.capgov.supervision;

package org.capgov.projects.project;

/**
 * Where a project stands: 申报 → 审查 → 公示 → 批复 / 不予批复 → 开工 → 建成 → 投产, or 停建 / 拆除. NOT_APPROVED,
 * COMMISSIONED and DEMOLISHED end a project.
 */
public enum ProjectStatus {
    DECLARED, UNDER_REVIEW, PUBLIC_NOTICE, APPROVED, NOT_APPROVED, CONSTRUCTION_STARTED, BUILT, COMMISSIONED, HALTED,
    DEMOLISHED
}

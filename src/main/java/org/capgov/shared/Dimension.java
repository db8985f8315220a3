package org.capgov.shared;

/** The five dimensions of the comprehensive standards (综合标准): 能耗, 环保, 质量, 安全, 技术. */
public enum Dimension {
    ENERGY, ENVIRONMENT, QUALITY, SAFETY, TECHNOLOGY
}

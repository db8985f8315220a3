package org.capgov.telemetry.quality;

import java.util.List;

/**
 * A named, configurable data-quality rule for online monitoring data (seed 004 二、（二）3: data "真实、准确、完整、有效"),
 * with the reason it exists. Implementations are pure: they read a {@link LoggerWindow} and say what they found.
 */
public interface QualityPolicy {

    /** Stable name, e.g. {@code FROZEN_VALUE}; the pages show its Chinese label. */
    String name();

    /** Why the rule exists, in Chinese, shown with each alert. */
    String reason();

    List<LoggerWindow.Finding> check(LoggerWindow w);
}

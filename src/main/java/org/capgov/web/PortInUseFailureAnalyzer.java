package org.capgov.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/** A busy HTTP port, said in Chinese and English with the variable that changes it. */
class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis(
                "端口 " + cause.getPort() + " 已被占用，capgov 无法启动。/ Port " + cause.getPort() + " is already in use.",
                "请停止占用该端口的进程，或用 CAPGOV_PORT 指定其他端口（例如 CAPGOV_PORT=8081）。\n"
                        + "Stop the process listening on that port, or choose another one with CAPGOV_PORT (e.g. CAPGOV_PORT=8081).",
                cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

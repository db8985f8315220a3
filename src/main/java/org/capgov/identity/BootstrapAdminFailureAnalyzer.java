package org.capgov.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why the bootstrap administrator was refused, and which variable to change, without a stack trace. */
class BootstrapAdminFailureAnalyzer extends AbstractFailureAnalyzer<BootstrapAdminRejectedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BootstrapAdminRejectedException cause) {
        return new FailureAnalysis("引导管理员账户未创建 / bootstrap administrator not created: " + cause.getMessage(),
                "请修改 CAPGOV_BOOTSTRAP_ADMIN_USERNAME / CAPGOV_BOOTSTRAP_ADMIN_PASSWORD 后重新启动（密码至少 10 位，"
                        + "含大写字母、小写字母、数字、符号中的至少 3 类，且不含用户名）。\n"
                        + "Change CAPGOV_BOOTSTRAP_ADMIN_USERNAME / CAPGOV_BOOTSTRAP_ADMIN_PASSWORD and start again "
                        + "(at least 10 characters from 3 classes, not containing the username).",
                cause);
    }
}

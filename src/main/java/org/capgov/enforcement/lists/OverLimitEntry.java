package org.capgov.enforcement.lists;

import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise on the over-limit list (超标排放企业名单) of the environment department, with its environment cases open on
 * the date, newest notice first; on the serious list (超标排放严重的企业名单) only the cases that were serious by then.
 */
public record OverLimitEntry(ListedEnterprise enterprise, List<Case> cases) {

    /**
     * One environment case: the notice, and {@code seriousSince}, the first finding that the rectification failed
     * (经整改仍超标 or 逾期未整改), null while it is not serious.
     */
    public record Case(String caseId, LocalDate noticeDate, LocalDate deadline, LocalDate seriousSince,
            String departmentCode, String departmentName) {

        public boolean serious() {
            return seriousSince != null;
        }
    }
}

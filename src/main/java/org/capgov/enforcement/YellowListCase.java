package org.capgov.enforcement;

import java.time.LocalDate;
import org.capgov.shared.Dimension;

/**
 * An open rectification case as of a date: the notice date, the deadline in force on that date ({@code extended} when
 * a GRANT_EXTENSION had taken effect by then), {@code overdue} when the date lies after the deadline, and the
 * responsible department.
 */
public record YellowListCase(String caseId, Dimension dimension, LocalDate noticeDate, LocalDate deadline,
        boolean extended, boolean overdue, String departmentCode, String departmentName) {
}

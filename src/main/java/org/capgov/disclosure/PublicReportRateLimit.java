package org.capgov.disclosure;

import java.time.Clock;
import org.capgov.shared.SourceRateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The public report form's allowance per source address and hour. */
@Component
class PublicReportRateLimit extends SourceRateLimit {

    PublicReportRateLimit(@Value("${capgov.disclosure.reports-per-hour:5}") int perHour, Clock clock) {
        super(perHour, clock);
    }
}

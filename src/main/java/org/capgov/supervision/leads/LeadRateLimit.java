package org.capgov.supervision.leads;

import java.time.Clock;
import org.capgov.shared.SourceRateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The public lead form's allowance per source address and hour. */
@Component
class LeadRateLimit extends SourceRateLimit {

    LeadRateLimit(@Value("${capgov.supervision.leads-per-hour:10}") int perHour, Clock clock) {
        super(perHour, clock);
    }
}

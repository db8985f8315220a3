package org.capgov.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The result of re-computing the chain: ok with the count checked, or the first entry where it breaks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(boolean ok, long entries, BrokenEntry firstBroken) {

    public record BrokenEntry(long id, Instant recordedAt, String reason) {
    }
}

package org.capgov.projects.illegal;

import java.util.List;

/** Request bodies of the illegal-project register; dates are ISO text so that a bad date is named by its field. */
public final class IllegalProjectRequests {

    private IllegalProjectRequests() {
    }

    /** A project entered on the register. */
    public record Register(String uscc, String name, String industry, String stage, String procedures,
            Boolean concealed, Boolean backward, String foundOn, String document, String demolitionDeadline,
            List<ReferenceInput> references) {
    }

    /** A record held by another authority: kind LAND, OCEAN, ENVIRONMENT or FINANCE. */
    public record ReferenceInput(String kind, String number, String issuer, String issuedOn) {
    }

    /** A step: DISTRICT_APPLY, CITY_SUBMIT, STATE_RECOGNISE, STATE_REFUSE or DEMOLISHED. */
    public record StepRequest(String step, String date, String document, String note, String demolitionDeadline) {
    }
}

package org.capgov.projects.illegal;

import java.time.LocalDate;
import java.util.List;
import org.capgov.projects.illegal.IllegalProjectRules.Application;
import org.capgov.projects.illegal.IllegalProjectRules.Measure;
import org.capgov.projects.illegal.IllegalProjectRules.Procedures;
import org.capgov.projects.illegal.IllegalProjectRules.Stage;

/**
 * A project on the illegal-project register: its class, the measures ordered, the 补办 application, the demolition
 * deadline (inclusive; overdue from the day after, as an enforcement case's), and the records other authorities hold.
 */
public record IllegalProject(long id, String number, String uscc, String enterpriseName, String regionPath,
        String regionName, String name, String industry, Stage stage, Procedures procedures, boolean concealed,
        boolean backward, List<Measure> measures, String citation, Application application, LocalDate foundOn,
        String document, LocalDate demolitionDeadline, LocalDate demolishedOn, Integer eliminationYear,
        Long creditRecordId, boolean demolitionOverdue, List<Reference> references, List<StepRecord> steps) {

    /** A record held elsewhere: 土地 / 海域 / 环保 / 金融, its number, the body that issued it and the date. */
    public record Reference(String kind, String number, String issuer, LocalDate issuedOn) {
    }

    /** A step taken on the project, with its date, document and who recorded it. */
    public record StepRecord(String step, LocalDate onDate, String document, String note, String actor) {
    }

    IllegalProject withDetail(boolean overdue, List<Reference> refs, List<StepRecord> taken) {
        return new IllegalProject(id, number, uscc, enterpriseName, regionPath, regionName, name, industry, stage,
                procedures, concealed, backward, measures, citation, application, foundOn, document, demolitionDeadline,
                demolishedOn, eliminationYear, creditRecordId, overdue, refs, taken);
    }
}

package org.capgov.enforcement;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.capgov.compliance.ComplianceRunCompleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the ends of evaluation runs, for tests (a component of the shared test context). */
@Component
public class ComplianceRunCompletions {

    public final List<ComplianceRunCompleted> completed = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ComplianceRunCompleted e) {
        completed.add(e);
    }
}

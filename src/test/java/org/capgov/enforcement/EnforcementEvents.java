package org.capgov.enforcement;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.capgov.notification.Notice;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records what enforcement publishes, for tests (a component of the shared test context). */
@Component
public class EnforcementEvents {

    public final List<CaseTransitioned> transitions = new CopyOnWriteArrayList<>();
    public final List<CaseDeadlineMissed> missed = new CopyOnWriteArrayList<>();
    public final List<Notice> notices = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CaseTransitioned e) {
        transitions.add(e);
    }

    @EventListener
    void on(CaseDeadlineMissed e) {
        missed.add(e);
    }

    @EventListener
    void on(Notice n) {
        notices.add(n);
    }

    public List<CaseTransitioned> of(String caseId) {
        return transitions.stream().filter(t -> t.caseId().equals(caseId)).toList();
    }
}

package org.capgov.enforcement;

import java.time.Clock;
import org.capgov.identity.Role;
import org.capgov.notification.Notice;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DataScope;
import org.capgov.shared.Vocabulary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every opening and every transition of a case tells whoever must act next ({@link NextStep}: the responsible
 * department, or the coordinators of the region for a closure to approve) and the enterprise itself. Delivered in the
 * transaction of the transition, so that a notice exists exactly when the step it reports has been recorded.
 */
@Component
class CaseNotices {

    private final CaseRepository cases;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Vocabulary vocabulary;
    private final Clock clock;

    CaseNotices(Clock clock, CaseRepository cases, ApplicationEventPublisher events, MessageSource messages,
            Vocabulary vocabulary) {
        this.clock = clock;
        this.cases = cases;
        this.events = events;
        this.messages = messages;
        this.vocabulary = vocabulary;
    }

    @EventListener
    void transitioned(CaseTransitioned t) {
        EnforcementCase c = cases.find(t.caseId(), DataScope.all(), ChinaTime.today(clock)).orElse(null);
        if (c == null) {
            return;
        }
        NextStep next = NextStep.of(t.to(), t.deadline());
        String state = vocabulary.in(Vocabulary.ZH, "enforcement.state.", t.to());
        String body = message("enforcement.notice.next.body", c.enterpriseName(), c.uscc(),
                vocabulary.in(Vocabulary.ZH, "enforcement.kind.", c.kind()), c.id(), state, party(next, c),
                message(next.task()), next.deadline() == null ? "" : message("enforcement.next.by", next.deadline()));
        String link = "/enforcement/cases/" + c.id();
        String key = "CASE_STEP:" + c.id() + ":" + t.to() + ":" + c.version();
        Notice toActor = switch (next.party()) {
            case DEPARTMENT -> Notice.of("CASE_STEP", message("enforcement.notice.next.title", c.id(), state), body)
                    .toDepartments(c.department());
            case COORDINATOR -> Notice.of("CASE_STEP", message("enforcement.notice.next.title", c.id(), state), body)
                    .inRegion(c.regionPath()).toRoles(Role.COORDINATOR);
            default -> null;
        };
        if (toActor != null) {
            events.publishEvent(toActor.linkingTo(link).once(key));
        }
        events.publishEvent(Notice.of("CASE_STEP", message("enforcement.notice.next.enterprise.title", c.id(), state),
                body).linkingTo(link).toEnterprise(c.uscc()).once(key + ":enterprise"));
    }

    private String party(NextStep next, EnforcementCase c) {
        return switch (next.party()) {
            case ENTERPRISE -> message("enforcement.next.party.ENTERPRISE", c.enterpriseName());
            case DEPARTMENT -> message("enforcement.next.party.DEPARTMENT", c.departmentName());
            case COORDINATOR -> message("enforcement.next.party.COORDINATOR");
            case NOBODY -> message("enforcement.next.party.NOBODY");
        };
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, Vocabulary.ZH);
    }
}

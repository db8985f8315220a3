package org.capgov.enforcement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.compliance.ComplianceRun;
import org.capgov.compliance.ComplianceRunCompleted;
import org.capgov.compliance.FindingsFilter;
import org.capgov.compliance.FindingsRow;
import org.capgov.compliance.FindingsService;
import org.capgov.identity.SystemActor;
import org.capgov.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import java.time.Clock;
import org.capgov.shared.ChinaTime;

/**
 * Opens cases by policy when an evaluation run is done ({@code capgov.enforcement.auto-open}: NONE by default,
 * NONCOMPLIANT, ELIMINATED or ADVERSE for both). A finding qualifies when it is a VIOLATION (not ADVISORY: 原则上 is
 * no ground for a case) and not flagged (a rule resting on a secondary source is checked against the original by a
 * person first). One case per enterprise × dimension × equipment item; ELIMINATED findings go first, so that an item
 * both eliminated and failing gets the exit case. Each case is opened as {@code system}, origin POLICY, effective on
 * the run's as-of date, in a transaction of its own, audited by {@link CaseOpening}; the pass itself leaves one
 * audit entry with its counts.
 * <p>
 * Idempotent across runs: nothing is opened where a case for the same enterprise × dimension × item is open, or was
 * closed on or after the run's as-of date (the finding is older than the case's outcome). Rectifications whose
 * deadline the officer sets (ENVIRONMENT, TECHNOLOGY) are left to an officer and counted.
 */
@Component
class CaseAutoOpening {

    private static final Logger log = LoggerFactory.getLogger(CaseAutoOpening.class);

    enum Policy {
        NONE(), NONCOMPLIANT("NONCOMPLIANT"), ELIMINATED("ELIMINATED"), ADVERSE("ELIMINATED", "NONCOMPLIANT");

        /** Statuses in the order they are opened. */
        final List<String> statuses;

        Policy(String... statuses) {
            this.statuses = List.of(statuses);
        }

        static Policy parse(String value) {
            return value == null || value.isBlank() ? NONE : valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** What one pass did; {@code opened} lists the new case ids. */
    record Result(long runId, LocalDate asOf, Policy policy, List<String> opened, int alreadyOpen, int closedSince,
            int advisory, int flagged, int needsOfficer, int refused) {
    }

    private final FindingsService findings;
    private final CaseOpening opening;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate ownTx;
    private final Policy policy;
    private final Clock clock;

    CaseAutoOpening(Clock clock, FindingsService findings, CaseOpening opening, JdbcClient jdbc, AuditTrail audit,
            PlatformTransactionManager transactions, @Value("${capgov.enforcement.auto-open:NONE}") String policy) {
        this.clock = clock;
        this.findings = findings;
        this.opening = opening;
        this.jdbc = jdbc;
        this.audit = audit;
        this.ownTx = new TransactionTemplate(transactions);
        ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.policy = Policy.parse(policy);
    }

    Policy policy() {
        return policy;
    }

    @EventListener
    void on(ComplianceRunCompleted e) {
        if (policy == Policy.NONE) {
            return;
        }
        try {
            Result r = openFor(e.runId(), e.asOf(), policy, FindingsFilter.none());
            log.info("Cases opened by policy {} after run {}: {} opened, {} already open, {} closed since, {} left to "
                    + "officers, {} refused", policy, e.runId(), r.opened().size(), r.alreadyOpen(), r.closedSince(),
                    r.needsOfficer(), r.refused());
        } catch (RuntimeException ex) {
            log.error("Opening cases by policy after run {} failed", e.runId(), ex);
        }
    }

    /** One pass over the run's adverse findings that {@code filter} lets through, as the platform. */
    Result openFor(long runId, LocalDate asOf, Policy policy, FindingsFilter filter) {
        return SystemActor.call(() -> pass(runId, asOf, policy, filter));
    }

    private Result pass(long runId, LocalDate asOf, Policy policy, FindingsFilter filter) {
        if (asOf.isAfter(ChinaTime.today(clock))) {
            // a run as of a future date is a forecast: nothing has happened yet that a case could record
            return new Result(runId, asOf, policy, List.of(), 0, 0, 0, 0, 0, 0);
        }
        ComplianceRun run = findings.run(Long.toString(runId));
        List<FindingsRow> candidates = new ArrayList<>();
        int[] advisory = {0};
        int[] flagged = {0};
        Set<String> seen = new LinkedHashSet<>();
        for (String status : policy.statuses) {
            findings.forEach(run, new FindingsFilter(filter.region(), filter.industry(), filter.dimension(), status,
                    filter.rule(), filter.uscc()), row -> {
                        if (!"VIOLATION".equals(row.severity())) {
                            advisory[0]++;
                        } else if (row.flagged()) {
                            flagged[0]++;
                        } else if (row.dimension() != null
                                && seen.add(row.uscc() + "|" + row.dimension() + "|" + row.subject())) {
                            candidates.add(row);
                        }
                    });
        }
        List<String> opened = new ArrayList<>();
        int alreadyOpen = 0;
        int closedSince = 0;
        int needsOfficer = 0;
        int refused = 0;
        for (FindingsRow row : candidates) {
            Boolean existing = existing(row, asOf);
            if (existing != null) {
                if (existing) {
                    alreadyOpen++;
                } else {
                    closedSince++;
                }
                continue;
            }
            try {
                opened.add(ownTx.execute(tx -> opening.open(new OpenCaseRequest(row.uscc(), row.dimension(), asOf,
                        FindingsService.findingId(row), null, null, "POLICY", null,
                        "按自动立案政策（" + policy + "）依据合规评价 " + runId + " 立案"), CaseActor.current(), true)));
            } catch (DomainException e) {
                if ("enforcement.error.deadlineRequired".equals(e.messageKey())) {
                    needsOfficer++;
                } else if ("enforcement.refused.alreadyOpen".equals(e.messageKey())) {
                    alreadyOpen++;
                } else {
                    refused++;
                    log.info("No case by policy for finding {}: {}", FindingsService.findingId(row), e.getMessage());
                }
            }
        }
        Result result = new Result(runId, asOf, policy, List.copyOf(opened), alreadyOpen, closedSince, advisory[0],
                flagged[0], needsOfficer, refused);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run", runId);
        details.put("asOf", asOf.toString());
        details.put("policy", policy.name());
        details.put("opened", result.opened());
        details.put("alreadyOpen", alreadyOpen);
        details.put("closedSince", closedSince);
        details.put("advisory", result.advisory());
        details.put("flagged", result.flagged());
        details.put("needsOfficer", needsOfficer);
        details.put("refused", refused);
        ownTx.executeWithoutResult(tx -> audit.record(new AuditEvent(AuditAction.CREATE, "case_auto_open",
                Long.toString(runId), null, "按自动立案政策（" + policy + "）依据合规评价 " + runId + " 立案 "
                        + opened.size() + " 件", null, details)));
        return result;
    }

    /**
     * TRUE: a case for the finding's enterprise × dimension × item is open; FALSE: one was closed on or after the
     * as-of date; null: neither, a case may be opened.
     */
    private Boolean existing(FindingsRow row, LocalDate asOf) {
        return jdbc.sql("""
                select c.closed_on is null from enforcement_case c left join equipment q on q.id = c.equipment_id
                 where c.uscc = :uscc and c.dimension = :dimension and coalesce(q.code, '') = :code
                   and (c.closed_on is null or c.closed_on >= :asOf)
                 order by c.closed_on is null desc limit 1""")
                .param("uscc", row.uscc()).param("dimension", row.dimension())
                .param("code", "enterprise".equals(row.subject()) ? "" : row.subject()).param("asOf", asOf)
                .query(Boolean.class).optional().orElse(null);
    }
}

package org.capgov.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.capgov.compliance.EvaluationResult;
import org.capgov.compliance.EvaluationService;
import org.capgov.compliance.Finding;
import org.capgov.identity.SystemActor;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * Computes the twelve-quarter grid by evaluating the registered enterprise with the compliance engine as of each
 * quarter's end (its equipment commissioned by then, its latest valid measurements as of then). Twelve single
 * evaluations cost a few milliseconds each; the result is kept per enterprise and day for a few minutes so that a
 * busy public page does not evaluate on every view.
 */
@Service
public class PublicComplianceHistory {

    static final int QUARTERS = 12;
    /** Worst first: a violation outranks missing data, which outranks an advisory, which outranks compliance. */
    private static final List<String> SEVERITY = List.of("ELIMINATED", "NONCOMPLIANT", "NO_DATA", "ADVISORY", "COMPLIANT");
    private static final int MAX_CACHED = 10_000;

    private record Cached(LocalDate day, long at, ComplianceHistory history) {
    }

    private final EvaluationService evaluation;
    private final long keepMillis;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Clock clock;

    PublicComplianceHistory(Clock clock, EvaluationService evaluation,
            @Value("${capgov.disclosure.history-cache-seconds:600}") long keepSeconds) {
        this.clock = clock;
        this.evaluation = evaluation;
        this.keepMillis = keepSeconds * 1000;
    }

    /** The grid of a registered enterprise as of today. */
    public ComplianceHistory of(String uscc) {
        LocalDate today = ChinaTime.today(clock);
        long now = System.currentTimeMillis();
        Cached c = cache.get(uscc);
        if (c != null && c.day().equals(today) && now - c.at() < keepMillis) {
            return c.history();
        }
        ComplianceHistory h = compute(uscc, today);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(uscc, new Cached(today, now, h));
        return h;
    }

    /** Drops the kept grid of one enterprise (a test that changes its data, or an officer who corrects it). */
    void forget(String uscc) {
        cache.remove(uscc);
    }

    ComplianceHistory compute(String uscc, LocalDate today) {
        List<ComplianceHistory.Quarter> quarters = quarters(today);
        Map<Dimension, List<ComplianceHistory.Cell>> cells = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            cells.put(d, new ArrayList<>());
        }
        String version = null;
        for (ComplianceHistory.Quarter q : quarters) {
            List<Finding> findings = List.of();
            try {
                // the public may see every enterprise's history, so the evaluation runs outside any caller's scope
                EvaluationResult r = SystemActor.call(() -> evaluation.evaluateRegistered(uscc, q.asOf()));
                findings = r.findings();
                version = r.catalogueVersion();
            } catch (DomainException e) {
                // no longer in the register (exited, deregistered): nothing to evaluate, every cell stays "not evaluated"
            }
            for (Dimension d : Dimension.values()) {
                cells.get(d).add(cell(q.code(), d, findings));
            }
        }
        List<ComplianceHistory.Row> rows = new ArrayList<>();
        cells.forEach((d, list) -> rows.add(new ComplianceHistory.Row(d.name(), List.copyOf(list))));
        return new ComplianceHistory(today, version, quarters, rows);
    }

    static ComplianceHistory.Cell cell(String quarter, Dimension dimension, List<Finding> findings) {
        int worst = SEVERITY.size();
        int count = 0;
        for (Finding f : findings) {
            if (!dimension.name().equals(f.dimension())) {
                continue;
            }
            int rank = SEVERITY.indexOf(f.status());
            if (rank < 0) {
                continue;
            }
            // ELIMINATED and NONCOMPLIANT are equally bad; the cell says ELIMINATED when any item is eliminated
            if (rank < worst) {
                worst = rank;
                count = 1;
            } else if (rank == worst) {
                count++;
            }
        }
        if (worst == SEVERITY.size()) {
            return new ComplianceHistory.Cell(quarter, "NONE", 0);
        }
        if (worst == 0) {
            int failing = (int) findings.stream().filter(f -> dimension.name().equals(f.dimension()))
                    .filter(f -> f.status().equals("ELIMINATED") || f.status().equals("NONCOMPLIANT")).count();
            return new ComplianceHistory.Cell(quarter, "ELIMINATED", failing);
        }
        return new ComplianceHistory.Cell(quarter, SEVERITY.get(worst), count);
    }

    /** The last twelve calendar quarters, oldest first, ending with the one that contains {@code today}. */
    static List<ComplianceHistory.Quarter> quarters(LocalDate today) {
        List<ComplianceHistory.Quarter> out = new ArrayList<>(QUARTERS);
        LocalDate start = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        for (int i = QUARTERS - 1; i >= 0; i--) {
            LocalDate qStart = start.minusMonths(3L * i);
            LocalDate end = qStart.plusMonths(3).minusDays(1);
            out.add(new ComplianceHistory.Quarter(qStart.getYear(), (qStart.getMonthValue() - 1) / 3 + 1, end,
                    end.isAfter(today) ? today : end));
        }
        return out;
    }
}

package org.capgov.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.capgov.compliance.EvaluationService;
import org.capgov.compliance.Finding;
import org.capgov.enforcement.CaseActionRequest;
import org.capgov.enforcement.CaseService;
import org.capgov.enforcement.OpenCaseRequest;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's cases: one per state of the case flow (docs/domain.md §2 step 5), recorded step by step with dates in the
 * past, so that some are overdue and the lists, notices and statuses that follow each step are all there. Each case
 * is told for its own enterprise of the region; a step the rules refuse is logged and the story goes on.
 */
@Component
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    /** One case of the story: its dimension, how many months ago it was opened, and the steps after the notice. */
    record Plot(String dimension, int monthsAgo, List<String> steps) {
    }

    /** The steps of the story, in order of the case flow; the first case is the demo enterprise's own (overdue). */
    static final List<Plot> PLOTS = List.of(
            new Plot("ENERGY", 8, List.of()),
            new Plot("ENERGY", 5, List.of()),
            new Plot("ENERGY", 5, List.of("REQUEST_EXTENSION")),
            new Plot("ENERGY", 7, List.of("REQUEST_EXTENSION", "GRANT_EXTENSION")),
            new Plot("QUALITY", 4, List.of("SUBMIT_RECTIFICATION")),
            new Plot("ENERGY", 7, List.of("SUBMIT_RECTIFICATION", "VERIFY_COMPLIANT")),
            new Plot("QUALITY", 9, List.of("SUBMIT_RECTIFICATION", "VERIFY_FAILED")),
            new Plot("ENERGY", 10, List.of("SUBMIT_RECTIFICATION", "VERIFY_FAILED", "PROPOSE_CLOSURE")),
            new Plot("QUALITY", 11, List.of("SUBMIT_RECTIFICATION", "VERIFY_FAILED", "PROPOSE_CLOSURE",
                    "APPROVE_CLOSURE")),
            new Plot("ENERGY", 12, List.of("SUBMIT_RECTIFICATION", "VERIFY_FAILED", "PROPOSE_CLOSURE",
                    "APPROVE_CLOSURE", "RECORD_EXIT_MEASURE")),
            new Plot("QUALITY", 13, List.of("SUBMIT_RECTIFICATION", "VERIFY_FAILED", "PROPOSE_CLOSURE",
                    "APPROVE_CLOSURE", "EXIT_ALL", "VERIFY_EXIT")),
            new Plot("ENERGY", 14, List.of("SUBMIT_RECTIFICATION", "VERIFY_FAILED", "PROPOSE_CLOSURE",
                    "APPROVE_CLOSURE", "EXIT_ALL", "VERIFY_EXIT", "ANNOUNCE")));

    /** How many enterprises of the region are checked for an eliminated item for the exit case of the story. */
    static final int EXIT_CANDIDATES = 60;

    private final CaseService cases;
    private final EquipmentService equipment;
    private final EvaluationService evaluation;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoCases(CaseService cases, EquipmentService equipment, EvaluationService evaluation, JdbcClient jdbc,
            Clock clock) {
        this.evaluation = evaluation;
        this.cases = cases;
        this.equipment = equipment;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Tells the story in the region (a six-digit code) as the signed-in officer; {@code first} is the enterprise that
     * gets the first (overdue) case when it is registered there. Returns the number of cases opened.
     */
    int tell(String region, String first) {
        List<String> usccs = new ArrayList<>();
        if (first != null && jdbc.sql("select exists (select 1 from enterprise where uscc = :u and status = 'OPERATING')")
                .param("u", first).query(Boolean.class).single()) {
            usccs.add(first);
        }
        usccs.addAll(jdbc.sql("""
                select e.uscc from enterprise e join region r on r.code = :region
                 where e.region_path like r.path || '%' and e.status = 'OPERATING' and e.uscc <> coalesce(:first, '')
                   and exists (select 1 from equipment q where q.enterprise_id = e.id)
                 order by e.id limit :n""")
                .param("region", region).param("first", first).param("n", PLOTS.size())
                .query(String.class).list());
        int opened = 0;
        for (int i = 0; i < PLOTS.size() && i < usccs.size(); i++) {
            if (tell(usccs.get(i), PLOTS.get(i))) {
                opened++;
            }
        }
        if (exitOrdered(region, usccs.subList(0, Math.min(PLOTS.size(), usccs.size())))) {
            opened++;
        }
        return opened;
    }

    /**
     * The exit case (EXIT_ORDERED): an item of another enterprise of the region that the catalogue lists as
     * eliminated (淘汰类) today, found by evaluating the enterprise; the case takes the catalogue's deadline.
     */
    private boolean exitOrdered(String region, List<String> taken) {
        List<String> candidates = jdbc.sql("""
                select e.uscc from enterprise e join region r on r.code = :region
                 where e.region_path like r.path || '%' and e.status = 'OPERATING'
                   and exists (select 1 from equipment q where q.enterprise_id = e.id and q.status = 'OPERATING')
                 order by e.id limit :n""")
                .param("region", region).param("n", EXIT_CANDIDATES + taken.size()).query(String.class).list();
        LocalDate date = today().minusMonths(2);
        for (String uscc : candidates) {
            if (taken.contains(uscc)) {
                continue;
            }
            Finding eliminated = evaluation.evaluateRegistered(uscc, date).findings().stream()
                    .filter(f -> "ELIMINATED".equals(f.status()) && !"enterprise".equals(f.subject()))
                    .findFirst().orElse(null);
            if (eliminated == null) {
                continue;
            }
            try {
                cases.open(new OpenCaseRequest(uscc, "TECHNOLOGY", date, null, eliminated.subject(),
                        eliminated.deadline() == null ? today().plusMonths(4) : null, "INSPECTION",
                        "涪经信淘〔" + date.getYear() + "〕5号", "演示案件：淘汰类装备限期退出"));
                return true;
            } catch (DomainException e) {
                log.warn("Demo story: no exit case for {}: {}", uscc, e.messageKey());
            }
        }
        log.warn("Demo story: no eliminated item in {}, so no exit case", region);
        return false;
    }

    private boolean tell(String uscc, Plot plot) {
        LocalDate date = today().minusMonths(plot.monthsAgo());
        String id;
        try {
            id = cases.open(new OpenCaseRequest(uscc, plot.dimension(), date, null, null, null, "INSPECTION",
                    "涪经信监〔" + date.getYear() + "〕" + (10 + plot.monthsAgo()) + "号", "演示案件")).summary().id();
        } catch (DomainException e) {
            log.warn("Demo story: no case for {}: {}", uscc, e.messageKey());
            return false;
        }
        for (String step : plot.steps()) {
            date = date.plusDays(step.equals("SUBMIT_RECTIFICATION") ? 100 : 10);
            try {
                step(id, uscc, step, date);
            } catch (DomainException e) {
                log.warn("Demo story: case {} stops before {}: {}", id, step, e.messageKey());
                break;
            }
        }
        return true;
    }

    private void step(String id, String uscc, String step, LocalDate date) {
        switch (step) {
            case "GRANT_EXTENSION" -> cases.act(id, new CaseActionRequest(step, date, 3, "涪经信函〔" + date.getYear()
                    + "〕3号", null, null, null, null, null, null, null));
            case "PROPOSE_CLOSURE" -> cases.act(id, CaseActionRequest.of(
                    org.capgov.enforcement.CaseAction.PROPOSE_CLOSURE, date, "涪经信文〔" + date.getYear() + "〕40号",
                    null));
            case "APPROVE_CLOSURE" -> cases.act(id, new CaseActionRequest(step, date, null, "涪陵府〔" + date.getYear()
                    + "〕77号", null, null, null, null, null, date.plusMonths(3), null));
            case "RECORD_EXIT_MEASURE" -> {
                Equipment first = equipment.of(uscc).get(0);
                cases.act(id, new CaseActionRequest(step, date, null, null, null, "POWER_CUT", first.code(), true,
                        null, null, null));
            }
            case "EXIT_ALL" -> {
                for (Equipment item : equipment.of(uscc)) {
                    cases.act(id, new CaseActionRequest("RECORD_EXIT_MEASURE", date, null, null, null, "DISMANTLED",
                            item.code(), null, null, null, null));
                }
            }
            case "ANNOUNCE" -> cases.act(id, new CaseActionRequest(step, date, null, "涪陵区人民政府网站公告", null, null,
                    null, null, null, null, null));
            case "REQUEST_EXTENSION" -> cases.act(id, new CaseActionRequest(step, date, null, null, "设备改造周期长",
                    null, null, null, null, null, null));
            default -> cases.act(id, new CaseActionRequest(step, date, null, null, null, null, null, null, null, null,
                    null));
        }
    }
}

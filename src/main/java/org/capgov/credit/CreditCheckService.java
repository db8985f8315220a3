package org.capgov.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.capgov.identity.CapgovUser;
import org.capgov.identity.Membership;
import org.capgov.registry.RegistryAffiliations;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.Uscc;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * The check departments and banks make before granting land, funds, licences, loans, contracts …: is this
 * enterprise restricted today, for which measures, on what basis. Every check is logged with its caller, and the
 * caller later says what it did. Checks are not limited to the caller's region: the sanctions are published on the
 * public credit platforms (seed 001 三(八) "信用重庆"), and a bank lends across districts.
 */
@Service
public class CreditCheckService {

    private static final int NOTE_LIMIT = 1000;

    /** One record the answer rests on; {@code enterprise} is the sanctioned one (an affiliate's when affiliated). */
    public record Basis(long recordId, String caseId, String document, LocalDate since, CreditBasis kind,
            String enterprise, boolean affiliate, List<CreditMeasure> measures) {
    }

    public record Result(String uscc, boolean restricted, List<CreditMeasure> measures, List<Basis> basis,
            Instant checkedAt, String checkId) {
    }

    private final CreditRecordRepository records;
    private final CreditCheckRepository checks;
    private final RegistryAffiliations affiliations;
    private final Clock clock;

    CreditCheckService(Clock clock, CreditRecordRepository records, CreditCheckRepository checks, RegistryAffiliations affiliations) {
        this.clock = clock;
        this.records = records;
        this.checks = checks;
        this.affiliations = affiliations;
    }

    @Transactional
    public Result check(String rawUscc, String rawMeasure) {
        Uscc.Check code = Uscc.check(rawUscc);
        String uscc = code.code();
        List<String> affiliates = code.structureOk() ? affiliations.of(uscc) : List.of();
        // a code failing only a check character may still be registered (and flagged): such a code can be checked
        if (!code.valid() && !(code.structureOk() && (records.known(uscc) || !affiliates.isEmpty()))) {
            throw DomainException.invalid(List.of(new FieldProblem("uscc", rawUscc == null ? "" : rawUscc, code.reason())));
        }
        CreditMeasure measure = measure(rawMeasure);
        LocalDate today = ChinaTime.today(clock);
        Set<CreditMeasure> restricted = EnumSet.noneOf(CreditMeasure.class);
        List<Basis> basis = new ArrayList<>();
        for (CreditRecord r : records.inForce(uscc, affiliates, today)) {
            boolean affiliate = !r.uscc().equals(uscc);
            List<CreditMeasure> applicable = r.measures().stream()
                    .filter(m -> !affiliate || m.extendsToAffiliates())
                    .filter(m -> measure == null || m == measure).toList();
            if (!applicable.isEmpty()) {
                restricted.addAll(applicable);
                basis.add(new Basis(r.id(), r.caseId(), r.document(), r.since(), r.basis(), r.uscc(), affiliate, applicable));
            }
        }
        List<CreditMeasure> measures = List.copyOf(restricted);
        UUID id = UUID.randomUUID();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        checks.insert(id, Actors.username(), department(), uscc, measure, !measures.isEmpty(), measures,
                basis.stream().map(Basis::recordId).toList(), at);
        return new Result(uscc, !measures.isEmpty(), measures, basis, at, id.toString());
    }

    /** Records what the caller did after its check. Only the caller may; to anyone else the check does not exist. */
    @Transactional
    public CreditCheck feedback(String checkId, String rawAction, String note) {
        UUID id = uuid(checkId);
        CreditCheck check = checks.lockOfCaller(id, Actors.username())
                .orElseThrow(() -> DomainException.notFound("error.credit.checkNotFound", checkId));
        CheckFeedbackAction action = action(rawAction);
        if (note != null && note.length() > NOTE_LIMIT) {
            throw DomainException.invalid(List.of(new FieldProblem("note", note.substring(0, 20) + "…",
                    "说明不能超过 " + NOTE_LIMIT + " 字")));
        }
        if (check.feedbackAction() != null) {
            throw DomainException.conflict("error.credit.feedbackGiven", check.feedbackAction());
        }
        checks.feedback(id, action, note == null || note.isBlank() ? null : note.trim(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        return checks.find(id).orElseThrow();
    }

    /**
     * A check, to its caller and to those who oversee the checks (coordinator, observer, administrator) when their
     * scope covers the enterprise checked; to anyone else it does not exist. A check on a code nobody knows is seen
     * by its caller and by an unrestricted overseer only.
     */
    public CreditCheck get(String checkId, boolean overseer) {
        DataScope scope = Actors.scope();
        return checks.find(uuid(checkId))
                .filter(c -> c.caller().equals(Actors.username()) || overseer && (scope.unrestricted()
                        || checks.regionOf(c.uscc()).filter(scope::coversRegion).isPresent()))
                .orElseThrow(() -> DomainException.notFound("error.credit.checkNotFound", checkId));
    }

    public List<CreditCheck> mine(int limit) {
        return checks.ofCaller(Actors.username(), limit);
    }

    private static UUID uuid(String checkId) {
        try {
            return UUID.fromString(checkId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.notFound("error.credit.checkNotFound", checkId);
        }
    }

    static CreditMeasure measure(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return CreditMeasure.valueOf(raw.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(List.of(new FieldProblem("measure", raw, "未知的信用约束措施，可选："
                    + Arrays.stream(CreditMeasure.values()).map(Enum::name).collect(Collectors.joining("、")))));
        }
    }

    private static CheckFeedbackAction action(String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid(List.of(new FieldProblem("action", "", "请说明采取的处理（action）")));
        }
        try {
            return CheckFeedbackAction.valueOf(raw.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(List.of(new FieldProblem("action", raw, "未知的处理，可选："
                    + Arrays.stream(CheckFeedbackAction.values()).map(Enum::name).collect(Collectors.joining("、")))));
        }
    }

    /** The caller's department(s), as they were at the time of the check. */
    private static String department() {
        return Actors.principal().filter(CapgovUser.class::isInstance).map(CapgovUser.class::cast)
                .map(u -> u.memberships().stream().map(Membership::departmentName).distinct()
                        .collect(Collectors.joining("、")))
                .filter(s -> !s.isBlank()).orElse(null);
    }
}

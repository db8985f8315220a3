package org.capgov.credit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.identity.CapgovUser;
import org.capgov.identity.Role;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/** Credit records as the caller's scope shows them, and their repair. */
@Service
public class CreditRecordService {

    private static final int CHECKS_SHOWN = 200;

    /** A record with the checks that rested on it and what their callers did. */
    public record Detail(CreditRecord record, List<CreditCheck> checks) {
    }

    public record Page(List<CreditRecord> rows, long total, int page, int size) {
        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** The body of a repair: ground (default EXIT_VERIFIED), effective date (default today), document, note. */
    public record RepairRequest(String ground, String effectiveDate, String document, String note) {
    }

    private final CreditRecordRepository records;
    private final CreditCheckRepository checks;
    private final CreditRepairPolicy policy;
    private final RegionService regions;
    private final AuditTrail audit;
    private final org.capgov.shared.Vocabulary vocabulary;
    private final Clock clock;

    CreditRecordService(Clock clock, CreditRecordRepository records, CreditCheckRepository checks, CreditRepairPolicy policy,
            RegionService regions, AuditTrail audit, org.capgov.shared.Vocabulary vocabulary) {
        this.clock = clock;
        this.vocabulary = vocabulary;
        this.records = records;
        this.checks = checks;
        this.policy = policy;
        this.regions = regions;
        this.audit = audit;
    }

    public Page search(CreditRecordFilter filter, int page, int size) {
        if (filter.status() != null && !List.of(CreditRecord.ACTIVE, CreditRecord.REPAIRED).contains(filter.status())) {
            throw DomainException.invalid(List.of(new FieldProblem("status", filter.status(), "应为 ACTIVE 或 REPAIRED")));
        }
        if (filter.basis() != null && Arrays.stream(CreditBasis.values()).noneMatch(b -> b.name().equals(filter.basis()))) {
            throw DomainException.invalid(List.of(new FieldProblem("basis", filter.basis(),
                    "应为 CLOSURE_BY_LAW、EXIT_DEADLINE_MISSED 或 ILLEGAL_PROJECT")));
        }
        CreditCheckService.measure(filter.measure());
        String path = filter.region() == null ? null : regions.get(filter.region()).path();
        CreditRecordRepository.Page p = records.search(filter, path, Actors.scope(), page, size);
        return new Page(p.rows(), p.total(), page, size);
    }

    public Detail get(long id) {
        CreditRecord record = records.find(id, Actors.scope())
                .orElseThrow(() -> DomainException.notFound("error.credit.recordNotFound", id));
        return new Detail(record, checks.ofRecord(id, CHECKS_SHOWN));
    }

    /**
     * 金融机构停止发放贷款 for a concealed illegal project (seed 003 三、（二）2): a record of basis ILLEGAL_PROJECT with the
     * FINANCING measure, keyed by the project's register number, so that banks checking the enterprise see it. Joins
     * the caller's transaction; a project has at most one such record (the existing one is returned).
     */
    @Transactional
    public long sanctionIllegalProject(long enterpriseId, String uscc, String regionPath, String projectNumber,
            String document, LocalDate since) {
        CreditBasis basis = CreditBasis.ILLEGAL_PROJECT;
        var created = records.insert(enterpriseId, uscc, regionPath, null, null, basis, projectNumber, document, since,
                basis.measures(null), Actors.username());
        if (created.isEmpty()) {
            return records.idOf(projectNumber, basis).orElseThrow();
        }
        long id = created.get();
        CreditRecord record = records.find(id, org.capgov.shared.DataScope.all()).orElseThrow();
        audit.record(new AuditEvent(AuditAction.CREATE, "credit_record", Long.toString(id), regionPath,
                "失信记录：" + vocabulary.in(org.capgov.shared.Vocabulary.ZH, "credit.basis.", basis) + "（违规项目 "
                        + projectNumber + "）", null, record));
        return id;
    }

    @Transactional
    public CreditRecord repair(long id, RepairRequest request) {
        CreditRecord before = records.lock(id, Actors.scope())
                .orElseThrow(() -> DomainException.notFound("error.credit.recordNotFound", id));
        RepairGround ground = ground(request.ground());
        LocalDate today = ChinaTime.today(clock);
        LocalDate effective = date(request.effectiveDate(), today);
        String document = blank(request.document());
        String note = blank(request.note());
        if (note != null && note.length() > 1000) {
            throw DomainException.invalid(List.of(new FieldProblem("note", note.substring(0, 20) + "…", "说明不能超过 1000 字")));
        }
        CreditRepairPolicy.Decision decision = policy.decide(before, ground, effective, document, coordinator(), today);
        if (!decision.allowed()) {
            throw DomainException.conflict("error.credit.repairRefused", decision.reason());
        }
        records.repair(id, effective, ground, document, note, Actors.username());
        CreditRecord after = records.find(id, org.capgov.shared.DataScope.all()).orElseThrow();
        audit.record(new AuditEvent(AuditAction.UPDATE, "credit_record", Long.toString(id), after.regionPath(),
                "信用修复（" + vocabulary.in(org.capgov.shared.Vocabulary.ZH, "credit.ground.", ground) + "）", before, after));
        return after;
    }

    private static boolean coordinator() {
        return Actors.principal().filter(CapgovUser.class::isInstance).map(CapgovUser.class::cast)
                .map(u -> u.hasRole(Role.COORDINATOR)).orElse(false);
    }

    private static RepairGround ground(String raw) {
        if (raw == null || raw.isBlank()) {
            return RepairGround.EXIT_VERIFIED;
        }
        try {
            return RepairGround.valueOf(raw.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(List.of(new FieldProblem("ground", raw, "修复依据应为 "
                    + Arrays.stream(RepairGround.values()).map(Enum::name).collect(Collectors.joining(" 或 ")))));
        }
    }

    private static LocalDate date(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return today;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(List.of(new FieldProblem("effectiveDate", raw, "日期格式应为 yyyy-MM-dd")));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

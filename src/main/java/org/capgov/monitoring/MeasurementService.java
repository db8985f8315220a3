package org.capgov.monitoring;

import java.math.BigDecimal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.time.Clock;

/**
 * Records measurements (all or nothing: every item is validated before any is stored), lists them, re-marks their
 * validity (they are never deleted), and answers the evaluation engine's question: the latest valid value of each
 * metric as of a date. Every read and write goes through the caller's data scope.
 */
@Service
public class MeasurementService {

    /** Items per API call; larger loads go through the import, which streams. */
    public static final int MAX_ITEMS = 1000;
    private static final int MAX_NOTE = 500;

    /** One page of an enterprise's measurements, newest first. */
    public record Page(long total, int page, int size, List<Measurement> items) {
    }

    private final MeasurementRepository measurements;
    private final EnterpriseService enterprises;
    private final EquipmentService equipment;
    private final MeasurementAudit audit;

    private final MeasurementPartitions partitions;
    private final Clock clock;

    MeasurementService(Clock clock, MeasurementRepository measurements, EnterpriseService enterprises, EquipmentService equipment,
            MeasurementAudit audit, MeasurementPartitions partitions) {
        this.clock = clock;
        this.partitions = partitions;
        this.measurements = measurements;
        this.enterprises = enterprises;
        this.equipment = equipment;
        this.audit = audit;
    }

    /** Records one measurement; problems are named by the draft's field (e.g. {@code unit}). */
    @Transactional
    public Measurement record(MeasurementDraft draft) {
        return store(List.of(draft == null ? empty() : draft), "").get(0);
    }

    /** Records all items or none; problems are named by item (e.g. {@code items[3].unit}). */
    @Transactional
    public List<Measurement> record(List<MeasurementDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            throw DomainException.invalid(List.of(new FieldProblem("items", "", "至少需要一条测量值")));
        }
        if (drafts.size() > MAX_ITEMS) {
            throw DomainException.invalid(List.of(new FieldProblem("items", Integer.toString(drafts.size()),
                    "一次最多提交 " + MAX_ITEMS + " 条测量值；更多的数据请用导入（CSV / Excel）")));
        }
        return store(drafts.stream().map(d -> d == null ? empty() : d).toList(), "items");
    }

    private List<Measurement> store(List<MeasurementDraft> drafts, String list) {
        EnterpriseLookup lookup = new EnterpriseLookup(enterprises, equipment);
        List<FieldProblem> problems = new ArrayList<>();
        List<Enterprise> owners = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            MeasurementDraft d = drafts.get(i);
            if (MeasurementValidator.blankToNull(d.uscc()) == null) {
                problems.add(new FieldProblem(prefix(list, i) + "uscc", "", "缺少企业统一社会信用代码"));
                owners.add(null);
                continue;
            }
            // unknown or outside the caller's scope: 404, as everywhere in the registry
            owners.add(lookup.require(d.uscc()));
            RecordingPolicy.check(d.metric(), d.source());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ValidMeasurement> valid = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Enterprise owner = owners.get(i);
            if (owner == null) {
                continue;
            }
            List<FieldProblem> own = new ArrayList<>();
            MeasurementValidator.validate(drafts.get(i), owner, code -> lookup.equipment(owner, code), now, own)
                    .ifPresent(valid::add);
            String at = prefix(list, i);
            own.forEach(p -> problems.add(new FieldProblem(at + p.field(), p.value(), p.reason())));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        partitions.ensure(valid.stream().map(ValidMeasurement::effectiveDate).toList());
        List<Long> ids = new ArrayList<>();
        for (ValidMeasurement m : valid) {
            ids.add(measurements.insert(m, Actors.username()));
        }
        audit.batch(valid, ids);
        return measurements.byIds(ids);
    }

    /** An enterprise's measurements, newest first, filtered by metric, effective date, source and validity. */
    @Transactional(readOnly = true)
    public Page list(String uscc, String metric, LocalDate from, LocalDate to, String source, String validity, int page,
            int size) {
        Enterprise e = enterprises.get(uscc);
        if (page < 0) {
            throw DomainException.invalid("page", "error.request.page");
        }
        if (size < 1 || size > 500) {
            throw DomainException.invalid("size", "error.request.size", 500);
        }
        MeasurementSource s = MeasurementValidator.blankToNull(source) == null ? null : MeasurementSource.parse(source)
                .orElseThrow(() -> DomainException.invalid("source", "error.registry.unknownCode", source));
        Validity v = MeasurementValidator.blankToNull(validity) == null ? null : Validity.parse(validity)
                .orElseThrow(() -> DomainException.invalid("validity", "error.registry.unknownCode", validity));
        String m = MeasurementValidator.blankToNull(metric) == null ? null : metric.strip().toLowerCase(Locale.ROOT);
        MeasurementRepository.Page result = measurements.list(e.id(), m, from, to, s, v, page, size);
        return new Page(result.total(), page, size, result.rows());
    }

    /** A measurement in the caller's scope. */
    @Transactional(readOnly = true)
    public Measurement get(long id) {
        Measurement m = measurements.find(id).orElseThrow(() -> DomainException.notFound("error.measurement.notFound", id));
        if (new EnterpriseLookup(enterprises, equipment).find(m.uscc()).isEmpty()) {
            throw DomainException.notFound("error.measurement.notFound", id);
        }
        return m;
    }

    /** Marks a value VALID, SUSPECT or INVALID, with the reason in the audit entry; nothing is ever deleted. */
    @Transactional
    public Measurement changeValidity(long id, String validity, String note) {
        Validity to = MeasurementValidator.blankToNull(validity) == null ? null : Validity.parse(validity).orElse(null);
        if (to == null) {
            throw DomainException.invalid(List.of(new FieldProblem("validity", validity == null ? "" : validity,
                    "有效性应为 VALID（有效）、SUSPECT（存疑）或 INVALID（无效）")));
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw DomainException.invalid(List.of(new FieldProblem("note", note.substring(0, 50) + "…",
                    "说明过长（上限 " + MAX_NOTE + " 字）")));
        }
        Measurement before = get(id);
        RecordingPolicy.checkRemark(before.metric(), before.source().name(),
                () -> measurements.recordedByOwnParty(before.recordedBy(), Actors.username(), before.uscc()));
        if (before.validity() == to) {
            return before;
        }
        measurements.setValidity(id, to);
        audit.validityChanged(before, to, note, enterprises.get(before.uscc()).regionPath());
        return measurements.find(id).orElseThrow();
    }

    /**
     * Revises a value the platform itself derived from online monitoring when its inputs changed (a packet that arrived
     * after its hour was averaged): the row keeps its id, so the value is revised and not duplicated, and the audit
     * entry holds the value before and after as a system revision. Values people entered or imported are never
     * revised in place; they are marked ({@link #changeValidity}).
     */
    @Transactional
    public Measurement revise(long id, BigDecimal value, Validity validity, String note) {
        Measurement before = get(id);
        if (before.source() != MeasurementSource.ONLINE_MONITORING || value == null || validity == null) {
            throw DomainException.invalid(List.of(new FieldProblem("source", before.source().name(),
                    "只有在线监测数据的统计值可由系统重算")));
        }
        if (before.value() != null && before.value().compareTo(value) == 0 && before.validity() == validity) {
            return before;
        }
        measurements.revise(id, value, value.toPlainString(), validity);
        audit.revised(before, value, validity, note, enterprises.get(before.uscc()).regionPath());
        return measurements.find(id).orElseThrow();
    }

    /**
     * Per (equipment, metric, attributes), the latest VALID value of an enterprise with an effective date on or
     * before {@code asOf}; ties on the date go to the later moment, then to the later record. Empty when the
     * enterprise is outside the caller's scope.
     */
    @Transactional(readOnly = true)
    public List<LatestMeasurement> latestValid(long enterpriseId, LocalDate asOf) {
        return measurements.latestValid(enterpriseId, asOf, Actors.scope());
    }

    /**
     * {@link #latestValid} for every enterprise in the caller's scope (a job runs as {@code SystemActor}: all of
     * them), streamed in one pass in the order enterprise id, equipment id, metric, attributes, so that a full
     * re-evaluation reads each value once with bounded memory. The sink runs inside this method's read-only
     * transaction: it must not write through it (use a new transaction, e.g. {@code REQUIRES_NEW}, or buffer).
     */
    @Transactional(readOnly = true)
    public void latestValidForAll(LocalDate asOf, Consumer<LatestMeasurement> sink) {
        measurements.streamLatestValid(asOf, Actors.scope(), sink);
    }

    /** {@link #latestValidForAll} grouped: the sink gets each enterprise's latest values together, in enterprise-id order. */
    @Transactional(readOnly = true)
    public void latestValidByEnterprise(LocalDate asOf, BiConsumer<Long, List<LatestMeasurement>> sink) {
        List<LatestMeasurement> group = new ArrayList<>();
        long[] current = {Long.MIN_VALUE};
        measurements.streamLatestValid(asOf, Actors.scope(), m -> {
            if (m.enterpriseId() != current[0] && !group.isEmpty()) {
                sink.accept(current[0], List.copyOf(group));
                group.clear();
            }
            current[0] = m.enterpriseId();
            group.add(m);
        });
        if (!group.isEmpty()) {
            sink.accept(current[0], List.copyOf(group));
        }
    }

    private static String prefix(String list, int i) {
        return list.isEmpty() ? "" : list + "[" + i + "].";
    }

    private static MeasurementDraft empty() {
        return new MeasurementDraft(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}

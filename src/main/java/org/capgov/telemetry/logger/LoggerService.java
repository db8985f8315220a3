package org.capgov.telemetry.logger;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.monitoring.Metric;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.telemetry.protocol.Hj212Codes;
import org.capgov.telemetry.protocol.Tolerance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers data loggers (in the caller's data scope, audited like registry writes) and reads back what they sent.
 * Only flag {@code N} counts as valid (docs/reference/hj212.md §4); other flags are kept and shown, not counted.
 */
@Service
public class LoggerService {

    /** Items per answer of GET …/values. */
    static final int MAX_VALUES = 10_000;
    private static final Pattern MN = Pattern.compile("[A-Za-z0-9_]{1,24}");
    private static final Pattern FACTOR = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,23}");
    /** Units of factors without a mapped metric (docs/reference/hj212.md §5): gas in mg/m3, water in mg/L. */
    private static final Map<String, String> FACTOR_UNITS = Map.of("a19001", "%", "w01001", "");

    /** One value of GET …/values. */
    public record Value(String qn, LocalDateTime dataTime, String factor, String metric, Double value, String unit,
            String flag, boolean valid) {
    }

    public record Values(List<Value> items) {
    }

    private final LoggerRepository loggers;
    private final EnterpriseService enterprises;
    private final EquipmentService equipment;
    private final AuditTrail audit;

    LoggerService(LoggerRepository loggers, EnterpriseService enterprises, EquipmentService equipment, AuditTrail audit) {
        this.loggers = loggers;
        this.enterprises = enterprises;
        this.equipment = equipment;
        this.audit = audit;
    }

    @Transactional
    public Logger register(LoggerRegistration r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.mn() == null || !MN.matcher(r.mn()).matches()) {
            problems.add(new FieldProblem("mn", nz(r.mn()), "设备唯一标识 MN 应为 1 至 24 位字母、数字或下划线"));
        }
        if (r.password() == null || r.password().isEmpty() || r.password().length() > 6
                || !r.password().chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ';' && c != '=' && c != '&')) {
            problems.add(new FieldProblem("password", "", "访问密码 PW 应为 1 至 6 个可打印字符（不含 ; = &）"));
        }
        if (r.st() == null || !Hj212Codes.SYSTEMS.contains(r.st())) {
            problems.add(new FieldProblem("st", nz(r.st()), "系统编码 ST 不在 HJ 212-2017 的编码表中"));
        }
        if (r.monitoringPoint() == null || !List.of("STACK", "BOUNDARY").contains(r.monitoringPoint())) {
            problems.add(new FieldProblem("monitoringPoint", nz(r.monitoringPoint()),
                    "监测点位应为 STACK（排放口）或 BOUNDARY（厂界）"));
        }
        if (r.factors() == null || r.factors().isEmpty()) {
            problems.add(new FieldProblem("factors", "", "至少需要一个监测因子到指标的对应"));
        } else {
            r.factors().forEach((factor, metric) -> {
                if (!FACTOR.matcher(factor).matches()) {
                    problems.add(new FieldProblem("factors." + factor, factor, "无效的监测因子编码"));
                } else if (metric == null || Metric.of(metric).isEmpty()) {
                    problems.add(new FieldProblem("factors." + factor, nz(metric), "未知的指标编码 " + nz(metric)));
                }
            });
        }
        tolerances(r.tolerances(), problems);
        if (r.protocol() != null && org.capgov.telemetry.protocol.Dialect.of(r.protocol()).isEmpty()) {
            problems.add(new FieldProblem("protocol", r.protocol(),
                    "未知的传输标准；可选 HJ212_2017（HJ 212-2017，默认）或 HJT212_2005（HJ/T 212-2005）"));
        }
        Enterprise owner = null;
        if (r.uscc() == null || r.uscc().isBlank()) {
            problems.add(new FieldProblem("uscc", "", "缺少企业统一社会信用代码"));
        } else {
            owner = enterprise(r.uscc());
            if (owner == null) {
                problems.add(new FieldProblem("uscc", r.uscc(), "未登记的企业（或不在您的数据范围内）"));
            }
        }
        if (owner != null && r.equipmentRef() != null && !r.equipmentRef().isBlank()
                && equipment.of(owner.uscc()).stream().noneMatch(q -> q.code().equals(r.equipmentRef()))) {
            problems.add(new FieldProblem("equipmentRef", r.equipmentRef(), "该企业没有此编号的设备"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        if (loggers.exists(r.mn())) {
            throw new DomainException(409, "error.telemetry.loggerExists", "mn", r.mn());
        }
        LoggerRegistration clean = new LoggerRegistration(r.mn(), r.password(), r.st(), owner.uscc(),
                r.equipmentRef() == null || r.equipmentRef().isBlank() ? null : r.equipmentRef(), r.factors(),
                r.monitoringPoint(), r.tolerances() == null ? List.of() : List.copyOf(new java.util.TreeSet<>(r.tolerances())),
                r.protocol() == null ? org.capgov.telemetry.protocol.Dialect.HJ212_2017.name() : r.protocol());
        byte[] salt = LoggerCredentials.salt();
        loggers.insert(clean, salt, LoggerCredentials.hash(salt, r.password()), owner.id(), owner.regionPath(),
                Actors.username());
        Logger stored = loggers.find(r.mn()).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("mn", stored.mn());
        after.put("st", stored.st());
        after.put("equipmentRef", stored.equipmentRef());
        after.put("monitoringPoint", stored.monitoringPoint());
        after.put("factors", stored.factors());
        after.put("tolerances", stored.tolerances());
        after.put("protocol", stored.protocol());
        audit.record(new AuditEvent(AuditAction.CREATE, "telemetry_logger", owner.uscc(), owner.regionPath(),
                "登记数采仪 " + stored.mn(), null, after));
        return stored;
    }

    /**
     * Sets a logger's lenient mode: the deviations it may send, each counted when used (none = strict). Only the
     * officials who register loggers may; audited with the before and after.
     */
    @Transactional
    public Logger setTolerances(String mn, List<String> names) {
        Logger before = get(mn);
        List<FieldProblem> problems = new ArrayList<>();
        if (names == null) {
            problems.add(new FieldProblem("tolerances", "", "需要宽容项列表（可为空，即严格模式）"));
        } else {
            tolerances(names, problems);
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        java.util.Set<Tolerance> set = java.util.EnumSet.noneOf(Tolerance.class);
        names.forEach(n -> set.add(Tolerance.valueOf(n)));
        loggers.setTolerances(mn, set);
        Logger after = loggers.find(mn).orElseThrow();
        Enterprise owner = enterprise(after.uscc());
        audit.record(new AuditEvent(AuditAction.UPDATE, "telemetry_logger", owner.uscc(), owner.regionPath(),
                "修改数采仪 " + mn + " 的宽容项", Map.of("tolerances", before.tolerances()),
                Map.of("tolerances", after.tolerances())));
        return after;
    }

    private static void tolerances(List<String> names, List<FieldProblem> problems) {
        if (names == null) {
            return;
        }
        for (String n : names) {
            if (n == null || java.util.Arrays.stream(Tolerance.values()).noneMatch(t -> t.name().equals(n))) {
                problems.add(new FieldProblem("tolerances", nz(n),
                        "未知的宽容项；可选 MODBUS_CRC（Modbus 校验码）、WRONG_LENGTH（长度不符）、FACTOR_CODES_2005（2005 版因子编码）"));
            }
        }
    }

    /** A logger of an enterprise in the caller's scope; 404 otherwise (unknown and out of scope look alike). */
    @Transactional(readOnly = true)
    public Logger get(String mn) {
        Logger l = loggers.find(mn).orElseThrow(() -> DomainException.notFound("error.telemetry.loggerNotFound", mn));
        if (enterprise(l.uscc()) == null) {
            throw DomainException.notFound("error.telemetry.loggerNotFound", mn);
        }
        return l;
    }

    @Transactional(readOnly = true)
    public Values values(String mn, LocalDateTime from, LocalDateTime to) {
        get(mn);
        if (from == null || to == null || !to.isAfter(from)) {
            throw DomainException.invalid(List.of(new FieldProblem(to == null || from != null ? "to" : "from", "",
                    "需要 from 与 to（YYYY-MM-DDThh:mm:ss），且 to 晚于 from")));
        }
        List<Value> items = loggers.values(mn, from, to, MAX_VALUES).stream().map(v -> {
            Double value = v.avg() != null ? v.avg() : v.rtd();
            String unit = v.metric() != null ? Metric.of(v.metric()).map(Metric::unit).orElse(null)
                    : FACTOR_UNITS.getOrDefault(v.factor(), v.factor().startsWith("w") ? "mg/L" : "mg/m3");
            return new Value(v.qn(), v.dataTime(), v.factor(), v.metric(), value, unit, v.flag(), "N".equals(v.flag()));
        }).toList();
        return new Values(items);
    }

    private Enterprise enterprise(String uscc) {
        try {
            return enterprises.get(uscc.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (DomainException e) {
            if (e.status() != 404) {
                throw e;
            }
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

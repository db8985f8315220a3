package org.capgov.registry.datedfact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.registry.ParameterSpec;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and lists the dated facts of an equipment item (see {@code EquipmentType.datedFacts}). The equipment is
 * found through {@link EquipmentService}, which applies the caller's data scope; every fact recorded is audited.
 */
@Service
public class EquipmentFactService {

    /** What a caller sends: the fact's code, yes / no, the day it holds from, and its source. */
    public record NewFact(String code, Object value, String validFrom, String source) {
    }

    private final EquipmentService equipment;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    EquipmentFactService(EquipmentService equipment, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.equipment = equipment;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The facts of an item, newest day first. */
    public List<EquipmentFact> of(String uscc, String code) {
        Equipment item = equipment.get(uscc, code);
        return jdbc.sql("""
                select code, value, valid_from, source, recorded_by, recorded_at from equipment_fact
                where equipment_id = :id order by code, valid_from desc
                """).param("id", item.id()).query((rs, n) -> new EquipmentFact(rs.getString(1), rs.getBoolean(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant())).list();
    }

    /** Records a fact; bad input is a 400 naming every field at fault, a second fact for the same day a 409. */
    @Transactional
    public EquipmentFact record(String uscc, String code, NewFact in) {
        Equipment item = equipment.get(uscc, code);
        List<DomainException.FieldProblem> bad = new ArrayList<>();
        String factCode = in == null || in.code() == null ? "" : in.code().trim().toLowerCase(Locale.ROOT);
        ParameterSpec spec = item.type().datedFact(factCode).orElse(null);
        if (spec == null) {
            List<String> known = item.type().datedFacts().stream().map(ParameterSpec::code).toList();
            bad.add(new DomainException.FieldProblem("code", factCode, known.isEmpty()
                    ? "设备类型 " + item.type().nameZh() + " 没有需按日期登记的事实"
                    : "设备类型 " + item.type().nameZh() + " 的登记事实应为 " + String.join("、", known)));
        }
        Boolean value = in == null ? null : yesNo(in.value());
        if (value == null) {
            bad.add(new DomainException.FieldProblem("value", in == null ? "" : String.valueOf(in.value()),
                    "应为 true（是）或 false（否）"));
        }
        LocalDate validFrom = null;
        String rawDate = in == null || in.validFrom() == null ? "" : in.validFrom().trim();
        try {
            validFrom = LocalDate.parse(rawDate);
            if (validFrom.isAfter(LocalDate.now(clock))) {
                bad.add(new DomainException.FieldProblem("validFrom", rawDate, "起始日期不能晚于今天"));
            }
        } catch (DateTimeParseException e) {
            bad.add(new DomainException.FieldProblem("validFrom", rawDate, "起始日期应为 YYYY-MM-DD"));
        }
        String source = in == null || in.source() == null ? "" : in.source().trim();
        if (source.isEmpty() || source.length() > 500) {
            bad.add(new DomainException.FieldProblem("source", source,
                    "须写明依据（如核查文件的文号、公告或检查记录），不超过 500 字"));
        }
        if (!bad.isEmpty()) {
            throw DomainException.invalid(bad);
        }
        int same = jdbc.sql("select count(*) from equipment_fact where equipment_id = :id and code = :c and valid_from = :d")
                .param("id", item.id()).param("c", factCode).param("d", validFrom).query(Integer.class).single();
        if (same > 0) {
            throw DomainException.conflict("error.equipmentFact.sameDay", factCode, validFrom);
        }
        jdbc.sql("""
                insert into equipment_fact (equipment_id, code, value, valid_from, source, recorded_by)
                values (:id, :c, :v, :d, :s, :by)
                """).param("id", item.id()).param("c", factCode).param("v", value).param("d", validFrom)
                .param("s", source).param("by", Actors.username()).update();
        LocalDate day = validFrom;
        EquipmentFact recorded = of(uscc, code).stream()
                .filter(f -> f.code().equals(factCode) && f.validFrom().equals(day)).findFirst().orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fact", factCode);
        after.put("value", value);
        after.put("validFrom", validFrom.toString());
        after.put("source", source);
        audit.record(AuditEvent.created("equipment_fact", item.enterpriseUscc() + "/" + item.code() + "/" + factCode
                + "/" + validFrom, item.regionPath(), after));
        return recorded;
    }

    private static Boolean yesNo(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String s = raw == null ? "" : String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "是", "yes" -> Boolean.TRUE;
            case "false", "否", "no" -> Boolean.FALSE;
            default -> null;
        };
    }
}

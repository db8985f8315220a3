package org.capgov.registry.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.capgov.region.Region;
import org.capgov.shared.Codes;
import org.capgov.shared.Product;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentType;
import org.capgov.registry.Violation;
import org.capgov.registry.ParameterValidator;
import org.capgov.registry.EquipmentStatus;

/** Row-level validation of an equipment item, shared by the API, the pages and the imports. */
public final class EquipmentValidator {

    public static final BigDecimal MAX_CAPACITY = new BigDecimal("100000000");
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Besides letters and digits, what equipment and line codes may hold. */
    private static final String CODE_MARKS = "_.-";

    public record Outcome(ValidEquipment equipment, List<Violation> violations) {
    public     boolean ok() {
            return violations.isEmpty();
        }
    }

    private EquipmentValidator() {
    }

    public static Outcome validate(EquipmentDraft d, Map<String, Region> regions, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        String code = EnterpriseValidator.trim(d.code());
        if (code == null) {
            v.add(new Violation("code", "", "缺少设备编号"));
        } else if (!EnterpriseValidator.codeOf(code, 1, 32, CODE_MARKS)) {
            v.add(new Violation("code", EnterpriseValidator.abbreviate(code), "设备编号应为 1 到 32 位字母、数字、点、下划线或连字符"));
        }
        String line = EnterpriseValidator.trim(d.line());
        if (line != null && !EnterpriseValidator.codeOf(line, 1, 32, CODE_MARKS)) {
            v.add(new Violation("line", EnterpriseValidator.abbreviate(line), "生产线编号应为 1 到 32 位字母、数字、点、下划线或连字符"));
        }
        EquipmentType type = null;
        if (EnterpriseValidator.trim(d.type()) == null) {
            v.add(new Violation("type", "", "缺少设备类型"));
        } else {
            type = EquipmentType.of(Codes.upper(d.type().trim())).orElse(null);
            if (type == null) {
                v.add(new Violation("type", EnterpriseValidator.abbreviate(d.type()), "未知设备类型；可用："
                        + String.join("、", Arrays.stream(EquipmentType.values()).map(Enum::name).toList())));
            }
        }
        Map<String, Object> parameters = Map.of();
        if (type != null) {
            ParameterValidator.Result r = ParameterValidator.validate(type, d.parameters());
            v.addAll(r.violations());
            parameters = r.parameters();
        }
        Product product = null;
        if (EnterpriseValidator.trim(d.product()) == null) {
            v.add(new Violation("product", "", "缺少产品代码"));
        } else {
            try {
                product = Product.valueOf(Codes.upper(d.product().trim()));
                if (type != null && !type.products().contains(product)) {
                    v.add(new Violation("product", d.product(), type.name() + " 的产品应为 "
                            + String.join(" / ", type.products().stream().map(Enum::name).sorted().toList())));
                }
            } catch (IllegalArgumentException e) {
                v.add(new Violation("product", EnterpriseValidator.abbreviate(d.product()), "未知产品代码；可用："
                        + String.join("、", Arrays.stream(Product.values()).map(Enum::name).toList())));
            }
        }
        BigDecimal capacity = d.annualCapacity();
        if (capacity == null) {
            v.add(new Violation("annualCapacity", "", "缺少年产能"));
        } else if (capacity.signum() <= 0) {
            v.add(new Violation("annualCapacity", capacity.toPlainString(), "年产能必须大于 0"));
        } else if (capacity.compareTo(MAX_CAPACITY) > 0) {
            v.add(new Violation("annualCapacity", capacity.toPlainString(), "年产能超过 1 亿，不合常理，请核对单位"));
        } else if (capacity.scale() > 2) {
            capacity = capacity.setScale(2, java.math.RoundingMode.HALF_UP);
        }
        if (d.commissioned() != null && (d.commissioned().isAfter(today) || d.commissioned().isBefore(EARLIEST))) {
            v.add(new Violation("commissioned", d.commissioned().toString(), "投产日期应在 1900-01-01 与今天之间"));
        }
        Region region = null;
        if (EnterpriseValidator.trim(d.region()) != null) {
            region = regions.get(d.region().trim());
            if (region == null) {
                v.add(new Violation("region", d.region(), "区划代码 " + d.region().trim() + " 不存在或已撤销"));
            }
        }
        EquipmentStatus status = EquipmentStatus.OPERATING;
        if (EnterpriseValidator.trim(d.status()) != null) {
            try {
                status = EquipmentStatus.valueOf(Codes.upper(d.status().trim()));
            } catch (IllegalArgumentException e) {
                v.add(new Violation("status", EnterpriseValidator.abbreviate(d.status()), "设备状态应为 "
                        + String.join(" / ", Arrays.stream(EquipmentStatus.values()).map(Enum::name).toList())));
            }
        }
        LocalDate since = d.statusSince() != null ? d.statusSince() : d.commissioned() != null ? d.commissioned() : today;
        if (since.isAfter(today)) {
            v.add(new Violation("statusSince", since.toString(), "状态生效日期不能晚于今天"));
        }
        if (!v.isEmpty()) {
            return new Outcome(null, v);
        }
        return new Outcome(new ValidEquipment(code, line, type, parameters, product, capacity, d.commissioned(),
                region == null ? null : region.code(), region == null ? null : region.path(), status, since), List.of());
    }
}

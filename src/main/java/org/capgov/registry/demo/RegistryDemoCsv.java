package org.capgov.registry.demo;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EnterpriseDraft;

/**
 * The two CSV files of the registry import (the contract with the import): enterprises, and equipment keyed by
 * the enterprise's USCC. Lists are ';'-separated, parameters 'key=value;key=value', dates yyyy-MM-dd, a field is
 * quoted only when it holds a comma, a quote or a line break.
 */
final class RegistryDemoCsv {

    static final String ENTERPRISE_HEADER = "统一社会信用代码,企业名称,区划代码,行业代码,地址,法定代表人,上级企业统一社会信用代码,供电户号,"
            + "状态,状态生效日期,接受校验码例外";
    static final String EQUIPMENT_HEADER = "统一社会信用代码,生产线编号,设备编号,设备类型,参数,产品,年产能,投产日期,区划代码,状态,状态生效日期";

    private RegistryDemoCsv() {
    }

    static void write(RegistryDemoGenerator.EnterpriseRow row, Writer enterprises, Writer equipment) throws IOException {
        EnterpriseDraft e = row.enterprise();
        StringBuilder line = new StringBuilder(256);
        field(line, e.uscc()).append(',');
        field(line, e.name()).append(',');
        field(line, e.region()).append(',');
        field(line, String.join(";", e.industries())).append(',');
        field(line, e.address()).append(',');
        field(line, e.legalRepresentative()).append(',');
        field(line, e.parentUscc()).append(',');
        field(line, String.join(";", e.gridAccounts())).append(',');
        field(line, e.status()).append(',');
        field(line, date(e.statusSince())).append(',');
        field(line, Boolean.TRUE.equals(e.acceptCheckCharacter()) ? "是" : null).append('\n');
        enterprises.append(line);
        for (EquipmentDraft q : row.equipment()) {
            line.setLength(0);
            field(line, e.uscc()).append(',');
            field(line, q.line()).append(',');
            field(line, q.code()).append(',');
            field(line, q.type()).append(',');
            field(line, parameters(q.parameters())).append(',');
            field(line, q.product()).append(',');
            field(line, q.annualCapacity().toPlainString()).append(',');
            field(line, date(q.commissioned())).append(',');
            field(line, q.region()).append(',');
            field(line, q.status()).append(',');
            field(line, date(q.statusSince())).append('\n');
            equipment.append(line);
        }
    }

    /** 'key=value;key=value' in the order of the map; numbers in plain notation, booleans true / false. */
    static String parameters(Map<String, Object> parameters) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> p : parameters.entrySet()) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            Object v = p.getValue();
            sb.append(p.getKey()).append('=').append(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
        }
        return sb.toString();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static StringBuilder field(StringBuilder sb, String value) {
        if (value == null || value.isEmpty()) {
            return sb;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return sb.append(value);
        }
        return sb.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}

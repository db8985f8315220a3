package org.capgov.telemetry.protocol;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.telemetry.protocol.Rejection.Reason;

/**
 * The first, String-based parser of HJ 212-2017 frames, kept as the oracle that the byte-level {@link Hj212Parser} must
 * agree with on every input (Hj212MutationTest): same packets, same refusals.
 */
final class Hj212ReferenceParser {

    private static final int OVERHEAD = 12;

    private static final DateTimeFormatter QN_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Parses one whole frame, from {@code ##} up to and including CRLF, strictly. */
    public Hj212Parser.Result parse(byte[] frame) {
        return parse(frame, Set.of());
    }

    /**
     * Parses a frame, letting through the framing deviations in {@code tolerances} (a logger's lenient mode); every
     * one that was needed is named in the result, so that the gateway can count it.
     */
    public Hj212Parser.Result parse(byte[] frame, Set<Tolerance> tolerances) {
        try {
            EnumSet<Tolerance> used = EnumSet.noneOf(Tolerance.class);
            Hj212Parser.Result r = parseFrame(frame, tolerances, used);
            return r.ok() && !used.isEmpty() ? new Hj212Parser.Result(r.packet(), null, Set.copyOf(used)) : r;
        } catch (RuntimeException e) {
            // the checks above are meant to leave nothing for here; a gap must still not bring a connection down
            return reject(Reason.FRAME, "", "无法解析的报文：" + e.getClass().getSimpleName(), null);
        }
    }

    public Hj212Parser.Result parse(String frame) {
        return parse(frame.getBytes(StandardCharsets.ISO_8859_1));
    }

    private Hj212Parser.Result parseFrame(byte[] f, Set<Tolerance> tolerances, Set<Tolerance> used) {
        int n = f.length;
        if (n < OVERHEAD || f[0] != '#' || f[1] != '#') {
            return reject(Reason.FRAME, "header", "报文应以 ## 开头", null);
        }
        if (f[n - 2] != '\r' || f[n - 1] != '\n') {
            return reject(Reason.FRAME, "trailer", "报文应以回车换行结尾", null);
        }
        int declared = digits(f, 2, 4);
        if (declared < 0) {
            return reject(Reason.LENGTH, "length", "数据段长度应为 4 位数字", null);
        }
        String segment = new String(f, 6, n - OVERHEAD, StandardCharsets.ISO_8859_1);
        int actual = n - OVERHEAD;
        if (declared != actual && tolerances.contains(Tolerance.WRONG_LENGTH)) {
            used.add(Tolerance.WRONG_LENGTH);
        } else if (declared != actual) {
            return reject(Reason.LENGTH, "length", "数据段长度声明为 " + declared + "，实际为 " + actual, segment);
        }
        int crc = hex4(f, n - 6);
        if (crc < 0) {
            return reject(Reason.CRC, "crc", "校验码应为 4 位十六进制数", segment);
        }
        int computed = Hj212Crc.of(f, 6, actual);
        if (crc != computed && tolerances.contains(Tolerance.MODBUS_CRC) && crc == Hj212Crc.modbus(f, 6, actual)) {
            used.add(Tolerance.MODBUS_CRC);
        } else if (crc != computed) {
            return reject(Reason.CRC, "crc", "校验码为 " + Hj212Crc.hex(crc) + "，按 HJ 212 算得 " + Hj212Crc.hex(computed),
                    segment);
        }
        for (int i = 6; i < 6 + actual; i++) {
            if (f[i] < 0x20 || f[i] > 0x7E) {
                return reject(Reason.FIELD, "segment", "数据段含非可打印 ASCII 字符（位置 " + (i - 6) + "）", segment);
            }
        }
        return segment(segment);
    }

    /** Parses a data segment whose framing, length and CRC were checked. */
    Hj212Parser.Result segment(String s) {
        int cp = s.indexOf("CP=&&");
        if (cp < 0) {
            return reject(Reason.CP, "CP", "缺少 CP=&&…&& 数据区", s);
        }
        if (!s.endsWith("&&") || s.length() < cp + 7) {
            return reject(Reason.CP, "CP", "CP 数据区应以 && 结束", s);
        }
        Map<String, String> header = new HashMap<>();
        if (cp > 0 && s.charAt(cp - 1) != ';') {
            return reject(Reason.FIELD, "CP", "CP 前应有分号", s);
        }
        int start = 0;
        while (start < cp) {
            int end = s.indexOf(';', start);
            String item = s.substring(start, end);
            int eq = item.indexOf('=');
            if (eq <= 0) {
                return reject(Reason.FIELD, item, "字段应为 键=值：" + item, s);
            }
            String key = item.substring(0, eq);
            if (!isHeaderKey(key)) {
                return reject(Reason.FIELD, key, "未知的字段 " + key, s);
            }
            if (header.put(key, item.substring(eq + 1)) != null) {
                return reject(Reason.FIELD, key, "字段 " + key + " 重复", s);
            }
            start = end + 1;
        }
        return checked(header, s.substring(cp + 5, s.length() - 2), s);
    }

    private Hj212Parser.Result checked(Map<String, String> h, String cp, String s) {
        String qn = h.get("QN");
        if (qn == null || qn.length() != 17 || digits(qn) < 0) {
            return reject(Reason.QN, "QN", "QN 应为 17 位时间戳 YYYYMMDDhhmmsszzz", s);
        }
        LocalDateTime qnTime = time(qn, QN_TIME);
        if (qnTime == null) {
            return reject(Reason.QN, "QN", "QN 不是有效的时间：" + qn, s);
        }
        String st = h.get("ST");
        if (st == null || !Hj212Codes.SYSTEMS.contains(st)) {
            return reject(Reason.ST, "ST", st == null ? "缺少系统编码 ST" : "未知的系统编码 ST=" + st, s);
        }
        String cn = h.get("CN");
        if (cn == null || !Hj212Codes.COMMANDS.contains(cn)) {
            return reject(Reason.CN, "CN", cn == null ? "缺少命令编码 CN" : "未知的命令编码 CN=" + cn, s);
        }
        String pw = h.get("PW");
        if (pw == null || pw.isEmpty() || pw.length() > 6) {
            return reject(Reason.PW, "PW", "访问密码 PW 应为 1 至 6 个字符", s);
        }
        String mn = h.get("MN");
        if (mn == null || mn.isEmpty() || mn.length() > 24) {
            return reject(Reason.MN, "MN", "设备唯一标识 MN 应为 1 至 24 个字符", s);
        }
        String flagText = h.get("Flag");
        int flag = flagText == null || flagText.length() > 3 ? -1 : digits(flagText);
        if (flag < 0 || flag > 255) {
            return reject(Reason.FLAG, "Flag", "缺少或无效的拆分包及应答标志 Flag", s);
        }
        if (flag >>> 2 != 1) {
            return reject(Reason.FLAG, "Flag", "Flag=" + flag + " 不是 HJ 212-2017 报文（版本位应为 000001）", s);
        }
        Integer pnum = null;
        Integer pno = null;
        if ((flag & 2) != 0) {
            pnum = h.containsKey("PNUM") ? digits(h.get("PNUM")) : -1;
            pno = h.containsKey("PNO") ? digits(h.get("PNO")) : -1;
            if (pnum < 1 || pno < 1 || pno > pnum) {
                return reject(Reason.FIELD, "PNUM", "拆分包应带有效的 PNUM 与 PNO", s);
            }
        } else if (h.containsKey("PNUM") || h.containsKey("PNO")) {
            return reject(Reason.FIELD, "PNUM", "未拆分的报文不应带 PNUM / PNO", s);
        }
        return cp(cp, qn, qnTime, st, cn, pw, mn, flag, pnum, pno, s);
    }

    private Hj212Parser.Result cp(String cp, String qn, LocalDateTime qnTime, String st, String cn, String pw, String mn, int flag,
            Integer pnum, Integer pno, String s) {
        LocalDateTime dataTime = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, Object[]> factors = new LinkedHashMap<>();
        int start = 0;
        int length = cp.length();
        while (start < length) {
            int end = next(cp, start);
            String item = cp.substring(start, end);
            start = end + 1;
            if (item.isEmpty()) {
                return reject(Reason.CP, "CP", "CP 中有空的数据项", s);
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                return reject(Reason.CP, "CP", "CP 数据项应为 键=值：" + item, s);
            }
            String key = item.substring(0, eq);
            String value = item.substring(eq + 1);
            int dash = key.indexOf('-');
            if (dash < 0) {
                if (!isName(key, 0, key.length())) {
                    return reject(Reason.CP, key, "CP 中的无效键：" + key, s);
                }
                if (key.equals("DataTime")) {
                    dataTime = value.length() == 14 ? time(value, DATA_TIME) : null;
                    if (dataTime == null) {
                        return reject(Reason.CP, "DataTime", "DataTime 应为 YYYYMMDDhhmmss：" + value, s);
                    }
                } else if (parameters.put(key, value) != null) {
                    return reject(Reason.CP, key, "CP 中 " + key + " 重复", s);
                }
                continue;
            }
            String code = key.substring(0, dash);
            if (!isName(code, 0, code.length())) {
                return reject(Reason.CP, key, "无效的监测因子编码：" + code, s);
            }
            Object[] f = factors.computeIfAbsent(code, c -> new Object[7]);
            String err = item(f, key.substring(dash + 1), value);
            if (err != null) {
                return reject(Reason.CP, key, err, s);
            }
        }
        if (Hj212Codes.DATA_COMMANDS.contains(cn) && dataTime == null) {
            return reject(Reason.CP, "DataTime", "数据报文缺少 DataTime", s);
        }
        List<FactorValue> values = new ArrayList<>(factors.size());
        factors.forEach((code, f) -> values.add(new FactorValue(code, (Double) f[0], (Double) f[1], (Double) f[2],
                (Double) f[3], (Double) f[4], (Character) f[5], (String) f[6])));
        return new Hj212Parser.Result(new Hj212Packet(qn, qnTime, st, cn, pw, mn, flag, pnum, pno, dataTime, List.copyOf(values),
                Map.copyOf(parameters), s), null);
    }

    /** Stores one sub-item of a factor; the error text, or null. Converted values (Zs…) are checked, not kept. */
    private static String item(Object[] f, String suffix, String value) {
        int slot = switch (suffix) {
            case "Rtd" -> 0;
            case "Avg" -> 1;
            case "Min" -> 2;
            case "Max" -> 3;
            case "Cou" -> 4;
            case "Flag" -> 5;
            case "SampleTime" -> 6;
            case "ZsRtd", "ZsAvg", "ZsMin", "ZsMax" -> 7;
            default -> -1;
        };
        if (slot < 0) {
            return "未知的数据项 -" + suffix;
        }
        if (slot == 5) {
            if (value.length() != 1 || Hj212Codes.FLAGS.indexOf(value.charAt(0)) < 0) {
                return "数据标记应为 N F M S D C T B 之一：" + value;
            }
            return put(f, 5, value.charAt(0));
        }
        if (slot == 6) {
            return value.length() == 14 && time(value, DATA_TIME) != null ? put(f, 6, value)
                    : "SampleTime 应为 YYYYMMDDhhmmss：" + value;
        }
        if (!isDecimal(value)) {
            return "数值无效：" + value;
        }
        return slot == 7 ? null : put(f, slot, Double.parseDouble(value));
    }

    private static String put(Object[] f, int slot, Object value) {
        if (f[slot] != null) {
            return "数据项重复";
        }
        f[slot] = value;
        return null;
    }

    /** End of the CP item that starts at {@code from}: the next {@code ;} or {@code ,}, or the end. */
    private static int next(String cp, int from) {
        for (int i = from; i < cp.length(); i++) {
            char c = cp.charAt(i);
            if (c == ';' || c == ',') {
                return i;
            }
        }
        return cp.length();
    }

    /** A plain decimal as HJ 212 writes numbers: optional minus, digits, optional fraction; nothing else. */
    static boolean isDecimal(String v) {
        int i = v.startsWith("-") ? 1 : 0;
        int digits = 0;
        boolean point = false;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point && digits > 0) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0 && digits <= 20 && v.charAt(v.length() - 1) != '.';
    }

    private static boolean isName(String s, int from, int to) {
        if (to <= from || to - from > 24) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHeaderKey(String key) {
        return switch (key) {
            case "QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO" -> true;
            default -> false;
        };
    }

    private static LocalDateTime time(String text, DateTimeFormatter format) {
        try {
            return LocalDateTime.parse(text, format);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int digits(String s) {
        if (s == null || s.isEmpty() || s.length() > 9) {
            return s != null && s.length() > 9 && s.chars().allMatch(c -> c >= '0' && c <= '9') ? 0 : -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    private static int hex4(byte[] b, int from) {
        int v = 0;
        for (int i = from; i < from + 4; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** A refusal with what can still be read of the header, for the reply. */
    private static Hj212Parser.Result reject(Reason reason, String field, String detail, String segment) {
        return new Hj212Parser.Result(null, new Rejection(reason, field, detail, headerValue(segment, "QN"),
                headerValue(segment, "MN"), headerValue(segment, "ST"), headerValue(segment, "PW")));
    }

    /** {@code KEY=value} of the header part of a segment, best effort: null when absent or unreadable. */
    static String headerValue(String segment, String key) {
        if (segment == null) {
            return null;
        }
        int cp = segment.indexOf("CP=&&");
        String head = cp < 0 ? segment : segment.substring(0, cp);
        String probe = key + "=";
        int at = head.startsWith(probe) ? 0 : head.indexOf(";" + probe);
        if (at < 0) {
            return null;
        }
        int from = at == 0 && head.startsWith(probe) ? probe.length() : at + 1 + probe.length();
        int end = head.indexOf(';', from);
        String v = head.substring(from, end < 0 ? head.length() : end);
        return v.length() > 24 || !isName(v, 0, v.length()) ? null : v;
    }
}

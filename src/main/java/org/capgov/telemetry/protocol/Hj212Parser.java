package org.capgov.telemetry.protocol;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.telemetry.protocol.Rejection.Reason;

/**
 * Strict parser of HJ 212-2017 frames: {@code ##} + 4-digit length + data segment + 4-hex CRC + CRLF
 * (docs/reference/hj212.md §1). Checks the length, the CRC, the mandatory fields (QN ST CN PW MN Flag CP), the code
 * tables and the CP grammar, and answers either typed values or a {@link Rejection} naming the field; it never
 * throws on any input. Stateless and thread-safe.
 * <p>
 * It reads the frame's bytes in place, one pass per part, with no regular expression, no split and no String per field
 * (docs/benchmarks.md, "HJ 212 parse"); only what the packet keeps (codes, identifiers, the raw segment) becomes a
 * String. Fuzzed (Hj212ParserFuzzTest) and checked against the first, String-based parser (Hj212MutationTest).
 */
public final class Hj212Parser implements PacketParser {

    /** Largest data segment the 4-digit length field can declare. */
    public static final int MAX_SEGMENT = 9999;
    /** {@code ##} + length before the segment, CRC + CRLF after it. */
    public static final int OVERHEAD = 12;

    private static final byte[] CP_START = "CP=&&".getBytes(StandardCharsets.ISO_8859_1);
    /** Header keys, in the order of the slots of {@link #header}. */
    private static final String[] HEADER_KEYS = {"QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO"};
    private static final int QN = 0;
    private static final int ST = 1;
    private static final int CN = 2;
    private static final int PW = 3;
    private static final int MN = 4;
    private static final int FLAG = 5;
    private static final int PNUM = 6;
    private static final int PNO = 7;

    /**
     * What parsing gave: exactly one of packet and rejection is set; {@code tolerated} names the deviations a lenient
     * parse let through (empty in strict mode).
     */
    public record Result(Hj212Packet packet, Rejection rejection, Set<Tolerance> tolerated) {
        public Result(Hj212Packet packet, Rejection rejection) {
            this(packet, rejection, Set.of());
        }

        public boolean ok() {
            return packet != null;
        }
    }

    /** Parses one whole frame, from {@code ##} up to and including CRLF, strictly. */
    public Result parse(byte[] frame) {
        return parse(frame, Set.of());
    }

    /**
     * Parses a frame, letting through the framing deviations in {@code tolerances} (a logger's lenient mode); every
     * one that was needed is named in the result, so that the gateway can count it.
     */
    @Override
    public Result parse(byte[] frame, Set<Tolerance> tolerances) {
        try {
            return parseUnguarded(frame, tolerances);
        } catch (RuntimeException e) {
            // the checks are meant to leave nothing for here (the fuzz tests call parseUnguarded to prove it); a gap
            // must still not bring a connection down
            return reject(Reason.FRAME, "", "无法解析的报文：" + e.getClass().getSimpleName(), null);
        }
    }

    public Result parse(String frame) {
        return parse(frame.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** {@link #parse(byte[], Set)} without the safety net, so that tests see any exception a gap would throw. */
    Result parseUnguarded(byte[] f, Set<Tolerance> tolerances) {
        int n = f.length;
        if (n < OVERHEAD || f[0] != '#' || f[1] != '#') {
            return reject(Reason.FRAME, "header", "报文应以 ## 开头", null);
        }
        if (f[n - 2] != '\r' || f[n - 1] != '\n') {
            return reject(Reason.FRAME, "trailer", "报文应以回车换行结尾", null);
        }
        int declared = Ascii.digits(f, 2, 6);
        if (declared < 0) {
            return reject(Reason.LENGTH, "length", "数据段长度应为 4 位数字", null);
        }
        int actual = n - OVERHEAD;
        int end = 6 + actual;
        Set<Tolerance> used = null;
        if (declared != actual) {
            if (!tolerances.contains(Tolerance.WRONG_LENGTH)) {
                return reject(Reason.LENGTH, "length", "数据段长度声明为 " + declared + "，实际为 " + actual, f, 6, end);
            }
            used = EnumSet.of(Tolerance.WRONG_LENGTH);
        }
        int crc = hex4(f, n - 6);
        if (crc < 0) {
            return reject(Reason.CRC, "crc", "校验码应为 4 位十六进制数", f, 6, end);
        }
        int computed = Hj212Crc.of(f, 6, actual);
        if (crc != computed) {
            if (!tolerances.contains(Tolerance.MODBUS_CRC) || crc != Hj212Crc.modbus(f, 6, actual)) {
                return reject(Reason.CRC, "crc", "校验码为 " + Hj212Crc.hex(crc) + "，按 HJ 212 算得 "
                        + Hj212Crc.hex(computed), f, 6, end);
            }
            used = used == null ? EnumSet.noneOf(Tolerance.class) : used;
            used.add(Tolerance.MODBUS_CRC);
        }
        if (!printable(f, 6, end)) {
            for (int i = 6; i < end; i++) {
                if (f[i] < 0x20 || f[i] > 0x7E) {
                    return reject(Reason.FIELD, "segment", "数据段含非可打印 ASCII 字符（位置 " + (i - 6) + "）", f, 6,
                            end);
                }
            }
        }
        Result r = segment(f, 6, end);
        return r.ok() && used != null ? new Result(r.packet(), null, Set.copyOf(used)) : r;
    }

    /**
     * True when every byte is printable ASCII (0x20–0x7E): one pass without a branch per byte, which the compiler can
     * vectorise; a byte below 0x20 or above 0x7E makes one of the two differences negative.
     */
    private static boolean printable(byte[] f, int from, int to) {
        int bad = 0;
        for (int i = from; i < to; i++) {
            int c = f[i];
            bad |= (c - 0x20) | (0x7E - c);
        }
        return bad >= 0;
    }

    /** Parses a data segment whose framing, length and CRC were checked. */
    Result segment(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return segment(b, 0, b.length);
    }

    /** The data segment of {@code b} from {@code s0} up to {@code s1}: header fields up to {@code CP=&&}, then the CP. */
    private Result segment(byte[] b, int s0, int s1) {
        int cp = find(b, s0, s1, CP_START);
        if (cp < 0) {
            return reject(Reason.CP, "CP", "缺少 CP=&&…&& 数据区", b, s0, s1);
        }
        if (s1 - s0 < 2 || b[s1 - 1] != '&' || b[s1 - 2] != '&' || s1 < cp + 7) {
            return reject(Reason.CP, "CP", "CP 数据区应以 && 结束", b, s0, s1);
        }
        if (cp > s0 && b[cp - 1] != ';') {
            return reject(Reason.FIELD, "CP", "CP 前应有分号", b, s0, s1);
        }
        // start and end of each header value by slot; -1 when absent
        int[] header = new int[16];
        java.util.Arrays.fill(header, -1);
        int start = s0;
        while (start < cp) {
            int end = Ascii.indexOf(b, start, cp, ';');
            int eq = Ascii.indexOf(b, start, end, '=');
            if (eq <= start) {
                String item = Ascii.text(b, start, end);
                return reject(Reason.FIELD, item, "字段应为 键=值：" + item, b, s0, s1);
            }
            int slot = headerSlot(b, start, eq);
            if (slot < 0) {
                String key = Ascii.text(b, start, eq);
                return reject(Reason.FIELD, key, "未知的字段 " + key, b, s0, s1);
            }
            if (header[2 * slot] >= 0) {
                return reject(Reason.FIELD, HEADER_KEYS[slot], "字段 " + HEADER_KEYS[slot] + " 重复", b, s0, s1);
            }
            header[2 * slot] = eq + 1;
            header[2 * slot + 1] = end;
            start = end + 1;
        }
        return checked(b, header, cp + 5, s1 - 2, s0, s1);
    }

    private Result checked(byte[] b, int[] h, int cp0, int cp1, int s0, int s1) {
        int q0 = h[2 * QN];
        int q1 = h[2 * QN + 1];
        if (q0 < 0 || q1 - q0 != 17 || !Ascii.allDigits(b, q0, q1)) {
            return reject(Reason.QN, "QN", "QN 应为 17 位时间戳 YYYYMMDDhhmmsszzz", b, s0, s1);
        }
        LocalDateTime qnTime = Ascii.time(b, q0, q1);
        if (qnTime == null) {
            return reject(Reason.QN, "QN", "QN 不是有效的时间：" + Ascii.text(b, q0, q1), b, s0, s1);
        }
        String st = value(b, h, ST);
        if (st == null || !Hj212Codes.SYSTEMS.contains(st)) {
            return reject(Reason.ST, "ST", st == null ? "缺少系统编码 ST" : "未知的系统编码 ST=" + st, b, s0, s1);
        }
        String cn = value(b, h, CN);
        if (cn == null || !Hj212Codes.COMMANDS.contains(cn)) {
            return reject(Reason.CN, "CN", cn == null ? "缺少命令编码 CN" : "未知的命令编码 CN=" + cn, b, s0, s1);
        }
        int pwLength = h[2 * PW] < 0 ? -1 : h[2 * PW + 1] - h[2 * PW];
        if (pwLength < 1 || pwLength > 6) {
            return reject(Reason.PW, "PW", "访问密码 PW 应为 1 至 6 个字符", b, s0, s1);
        }
        int mnLength = h[2 * MN] < 0 ? -1 : h[2 * MN + 1] - h[2 * MN];
        if (mnLength < 1 || mnLength > 24) {
            return reject(Reason.MN, "MN", "设备唯一标识 MN 应为 1 至 24 个字符", b, s0, s1);
        }
        int flag = h[2 * FLAG] < 0 || h[2 * FLAG + 1] - h[2 * FLAG] > 3 ? -1 : Ascii.digits(b, h[2 * FLAG], h[2 * FLAG + 1]);
        if (flag < 0 || flag > 255) {
            return reject(Reason.FLAG, "Flag", "缺少或无效的拆分包及应答标志 Flag", b, s0, s1);
        }
        if (flag >>> 2 != 1) {
            return reject(Reason.FLAG, "Flag", "Flag=" + flag + " 不是 HJ 212-2017 报文（版本位应为 000001）", b, s0, s1);
        }
        Integer pnum = null;
        Integer pno = null;
        if ((flag & 2) != 0) {
            pnum = count(b, h, PNUM);
            pno = count(b, h, PNO);
            if (pnum < 1 || pno < 1 || pno > pnum) {
                return reject(Reason.FIELD, "PNUM", "拆分包应带有效的 PNUM 与 PNO", b, s0, s1);
            }
        } else if (h[2 * PNUM] >= 0 || h[2 * PNO] >= 0) {
            return reject(Reason.FIELD, "PNUM", "未拆分的报文不应带 PNUM / PNO", b, s0, s1);
        }
        return new CpReader(b, s0, s1).read(cp0, cp1, Ascii.text(b, q0, q1), qnTime, st, cn, value(b, h, PW),
                value(b, h, MN), flag, pnum, pno);
    }

    /**
     * The CP of one segment: items {@code key=value} separated by {@code ;} (between factors) or {@code ,} (within
     * one); a key {@code code-Item} belongs to a factor, any other key is a parameter or {@code DataTime}.
     */
    private static final class CpReader {
        private final byte[] b;
        private final int s0;
        private final int s1;

        CpReader(byte[] b, int s0, int s1) {
            this.b = b;
            this.s0 = s0;
            this.s1 = s1;
        }

        Result read(int cp0, int cp1, String qn, LocalDateTime qnTime, String st, String cn, String pw, String mn,
                int flag, Integer pnum, Integer pno) {
            LocalDateTime dataTime = null;
            Map<String, String> parameters = null;
            Map<String, FactorBuilder> factors = null;
            List<FactorBuilder> order = new ArrayList<>();
            FactorBuilder last = null;
            int start = cp0;
            while (start < cp1) {
                // one pass over the item: its end, its first '=' and the first '-' before that
                int end = start;
                int eq = -1;
                int dash = -1;
                for (; end < cp1; end++) {
                    byte c = b[end];
                    if (c == ';' || c == ',') {
                        break;
                    }
                    if (eq < 0) {
                        if (c == '=') {
                            eq = end;
                        } else if (c == '-' && dash < 0) {
                            dash = end;
                        }
                    }
                }
                int item = start;
                start = end + 1;
                if (end == item) {
                    return reject(Reason.CP, "CP", "CP 中有空的数据项", b, s0, s1);
                }
                if (eq <= item) {
                    return reject(Reason.CP, "CP", "CP 数据项应为 键=值：" + Ascii.text(b, item, end), b, s0, s1);
                }
                if (dash < 0) {
                    if (!Ascii.isName(b, item, eq)) {
                        String key = Ascii.text(b, item, eq);
                        return reject(Reason.CP, key, "CP 中的无效键：" + key, b, s0, s1);
                    }
                    if (Ascii.is(b, item, eq, "DataTime")) {
                        dataTime = end - eq - 1 == 14 ? Ascii.time(b, eq + 1, end) : null;
                        if (dataTime == null) {
                            return reject(Reason.CP, "DataTime", "DataTime 应为 YYYYMMDDhhmmss：" + Ascii.text(b, eq + 1, end),
                                    b, s0, s1);
                        }
                        continue;
                    }
                    parameters = parameters == null ? new LinkedHashMap<>() : parameters;
                    String key = Ascii.text(b, item, eq);
                    if (parameters.put(key, Ascii.text(b, eq + 1, end)) != null) {
                        return reject(Reason.CP, key, "CP 中 " + key + " 重复", b, s0, s1);
                    }
                    continue;
                }
                if (!Ascii.isName(b, item, dash)) {
                    return reject(Reason.CP, Ascii.text(b, item, eq), "无效的监测因子编码：" + Ascii.text(b, item, dash),
                            b, s0, s1);
                }
                FactorBuilder f;
                if (last != null && Ascii.is(b, item, dash, last.code)) {
                    // the items of one factor come together: no String, no lookup
                    f = last;
                } else {
                    String code = Names.of(b, item, dash);
                    factors = factors == null ? new HashMap<>() : factors;
                    f = factors.get(code);
                    if (f == null) {
                        f = new FactorBuilder(code);
                        factors.put(code, f);
                        order.add(f);
                    }
                    last = f;
                }
                String err = f.item(b, dash + 1, eq, eq + 1, end);
                if (err != null) {
                    return reject(Reason.CP, Ascii.text(b, item, eq), err, b, s0, s1);
                }
            }
            if (dataTime == null && Hj212Codes.DATA_COMMANDS.contains(cn)) {
                return reject(Reason.CP, "DataTime", "数据报文缺少 DataTime", b, s0, s1);
            }
            FactorValue[] values = new FactorValue[order.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = order.get(i).build();
            }
            return new Result(new Hj212Packet(qn, qnTime, st, cn, pw, mn, flag, pnum, pno, dataTime, List.of(values),
                    parameters == null ? Map.of() : Map.copyOf(parameters), Ascii.text(b, s0, s1)), null);
        }
    }

    /** The items of one factor as they are read; each item at most once. Converted values (Zs…) are checked, not kept. */
    private static final class FactorBuilder {
        private final String code;
        private Double rtd;
        private Double avg;
        private Double min;
        private Double max;
        private Double cou;
        private Character flag;
        private String sampleTime;

        FactorBuilder(String code) {
            this.code = code;
        }

        /**
         * Stores the item whose suffix runs from {@code k0} to {@code k1} and value from {@code v0} to {@code v1}; the
         * error text, or null.
         */
        String item(byte[] b, int k0, int k1, int v0, int v1) {
            if (Ascii.is(b, k0, k1, "Flag")) {
                if (v1 - v0 != 1 || Hj212Codes.FLAGS.indexOf((char) b[v0]) < 0) {
                    return "数据标记应为 N F M S D C T B 之一：" + Ascii.text(b, v0, v1);
                }
                if (flag != null) {
                    return "数据项重复";
                }
                flag = (char) b[v0];
                return null;
            }
            if (Ascii.is(b, k0, k1, "SampleTime")) {
                if (v1 - v0 != 14 || Ascii.time(b, v0, v1) == null) {
                    return "SampleTime 应为 YYYYMMDDhhmmss：" + Ascii.text(b, v0, v1);
                }
                if (sampleTime != null) {
                    return "数据项重复";
                }
                sampleTime = Ascii.text(b, v0, v1);
                return null;
            }
            int slot = numberSlot(b, k0, k1);
            if (slot < 0) {
                return "未知的数据项 -" + Ascii.text(b, k0, k1);
            }
            double v = Ascii.decimal(b, v0, v1);
            if (Double.isNaN(v)) {
                return "数值无效：" + Ascii.text(b, v0, v1);
            }
            return slot == 5 ? null : put(slot, v);
        }

        private String put(int slot, double v) {
            Double old = switch (slot) {
                case 0 -> rtd;
                case 1 -> avg;
                case 2 -> min;
                case 3 -> max;
                default -> cou;
            };
            if (old != null) {
                return "数据项重复";
            }
            switch (slot) {
                case 0 -> rtd = v;
                case 1 -> avg = v;
                case 2 -> min = v;
                case 3 -> max = v;
                default -> cou = v;
            }
            return null;
        }

        /** Rtd Avg Min Max Cou → 0–4, ZsRtd ZsAvg ZsMin ZsMax → 5, else -1. */
        private static int numberSlot(byte[] b, int k0, int k1) {
            int from = k0;
            boolean converted = k1 - k0 == 5 && b[k0] == 'Z' && b[k0 + 1] == 's';
            if (converted) {
                from += 2;
            } else if (k1 - k0 != 3) {
                return -1;
            }
            int slot = Ascii.is(b, from, k1, "Rtd") ? 0 : Ascii.is(b, from, k1, "Avg") ? 1 : Ascii.is(b, from, k1, "Min") ? 2
                    : Ascii.is(b, from, k1, "Max") ? 3 : !converted && Ascii.is(b, from, k1, "Cou") ? 4 : -1;
            return converted && slot >= 0 ? 5 : slot;
        }

        FactorValue build() {
            return new FactorValue(code, rtd, avg, min, max, cou, flag, sampleTime);
        }
    }

    private static int headerSlot(byte[] b, int from, int to) {
        for (int i = 0; i < HEADER_KEYS.length; i++) {
            if (Ascii.is(b, from, to, HEADER_KEYS[i])) {
                return i;
            }
        }
        return -1;
    }

    private static String value(byte[] b, int[] h, int slot) {
        return h[2 * slot] < 0 ? null : Names.of(b, h[2 * slot], h[2 * slot + 1]);
    }

    /** PNUM / PNO: their number; 0 for a digit string too long to count, -1 when absent or not digits. */
    private static int count(byte[] b, int[] h, int slot) {
        int from = h[2 * slot];
        int to = h[2 * slot + 1];
        if (from < 0) {
            return -1;
        }
        if (to - from > 9) {
            return Ascii.allDigits(b, from, to) ? 0 : -1;
        }
        return Ascii.digits(b, from, to);
    }

    private static int find(byte[] b, int from, int to, byte[] what) {
        outer:
        for (int i = from; i <= to - what.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (b[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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

    private static Result reject(Reason reason, String field, String detail, byte[] b, int s0, int s1) {
        return reject(reason, field, detail, Ascii.text(b, s0, s1));
    }

    /** A refusal with what can still be read of the header, for the reply. */
    private static Result reject(Reason reason, String field, String detail, String segment) {
        return new Result(null, new Rejection(reason, field, detail, headerValue(segment, "QN"),
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
        byte[] b = v.getBytes(StandardCharsets.ISO_8859_1);
        return v.length() > 24 || !Ascii.isName(b, 0, b.length) ? null : v;
    }
}

package org.capgov.telemetry.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.capgov.telemetry.protocol.Rejection.Reason;

/**
 * Packets of HJ/T 212-2005, the edition before 2017 (docs/reference/hj212.md §12): the same frame, CRC and CP grammar,
 * but data uploads may come without {@code QN} and {@code Flag} (the Flag has no version bits), factors carry their
 * 2005 codes ({@code 02}, {@code 011}, {@code B02} …) and data flags beyond the 2017 set (e.g. {@code P}).
 * <p>
 * Length and CRC are checked on the frame as received; the data segment is then read as its 2017 equivalent by the
 * 2017 parser (a missing QN becomes the DataTime and the last three digits of CN, so that a packet sent again is
 * stored once; Flag gains the version bits; factor codes become 2017 codes). What is kept is the segment as received,
 * with each value's flag as sent: a flag the 2017 table has keeps its 2017 meaning (reading T5 of
 * docs/decisions/telemetry-readings.md), any other is kept, shown and counted, never valid. Never throws.
 */
public final class Hjt2005Parser implements PacketParser {

    /** A 2005 flag outside the 2017 table reads as this one for the grammar check; the flag as sent is kept. */
    private static final char STAND_IN = 'N';
    private final Hj212Parser parser2017 = new Hj212Parser();

    @Override
    public Hj212Parser.Result parse(byte[] frame, Set<Tolerance> tolerances) {
        try {
            return parseUnguarded(frame, tolerances);
        } catch (RuntimeException e) {
            return reject(Reason.FRAME, "", "无法解析的报文：" + e.getClass().getSimpleName(), "");
        }
    }

    public Hj212Parser.Result parse(String frame) {
        return parse(frame.getBytes(StandardCharsets.ISO_8859_1), Set.of());
    }

    Hj212Parser.Result parseUnguarded(byte[] f, Set<Tolerance> tolerances) {
        int n = f.length;
        if (n < Hj212Parser.OVERHEAD || f[0] != '#' || f[1] != '#' || f[n - 2] != '\r' || f[n - 1] != '\n') {
            return reject(Reason.FRAME, "header", "报文应以 ## 开头、回车换行结尾", "");
        }
        String segment = new String(f, 6, n - Hj212Parser.OVERHEAD, StandardCharsets.ISO_8859_1);
        int declared = Ascii.digits(f, 2, 6);
        java.util.EnumSet<Tolerance> used = java.util.EnumSet.noneOf(Tolerance.class);
        if (declared != segment.length()) {
            if (!tolerances.contains(Tolerance.WRONG_LENGTH)) {
                return reject(Reason.LENGTH, "length", "数据段长度声明为 " + declared + "，实际为 " + segment.length(),
                        segment);
            }
            used.add(Tolerance.WRONG_LENGTH);
        }
        int crc = hex4(f, n - 6);
        if (crc != Hj212Crc.of(f, 6, segment.length())) {
            if (crc < 0 || !tolerances.contains(Tolerance.MODBUS_CRC) || crc != Hj212Crc.modbus(f, 6, segment.length())) {
                return reject(Reason.CRC, "crc", "校验码不符（HJ 212 算法）", segment);
            }
            used.add(Tolerance.MODBUS_CRC);
        }
        int cp = segment.indexOf("CP=&&");
        if (cp < 0 || !segment.endsWith("&&") || segment.length() < cp + 7) {
            return reject(Reason.CP, "CP", "缺少 CP=&&…&& 数据区", segment);
        }
        Map<String, String> flagsAsSent = new HashMap<>();
        String body = segment.substring(cp + 5, segment.length() - 2);
        String cp2017 = cp(body, flagsAsSent);
        Header h = header(segment.substring(0, cp), body);
        if (h.problem() != null) {
            return h.problem();
        }
        String translated = h.text() + "CP=&&" + cp2017 + "&&";
        Hj212Parser.Result r = parser2017.parse(Hj212Replies.frame(translated), Set.of());
        if (!r.ok()) {
            Rejection why = r.rejection();
            return new Hj212Parser.Result(null, new Rejection(why.reason(), why.field(), why.detail(), h.qn(),
                    Hj212Parser.headerValue(segment, "MN"), Hj212Parser.headerValue(segment, "ST"),
                    Hj212Parser.headerValue(segment, "PW")));
        }
        Hj212Packet p = r.packet();
        List<FactorValue> values = new ArrayList<>(p.factors().size());
        for (FactorValue v : p.factors()) {
            String sent = flagsAsSent.get(v.code());
            Character flag = sent == null ? v.flag() : Character.valueOf(sent.charAt(0));
            values.add(new FactorValue(v.code(), v.rtd(), v.avg(), v.min(), v.max(), v.cou(), flag, v.sampleTime()));
        }
        return new Hj212Parser.Result(new Hj212Packet(p.qn(), p.qnTime(), p.st(), p.cn(), p.pw(), p.mn(), p.flag(),
                p.pnum(), p.pno(), p.dataTime(), List.copyOf(values), p.parameters(), segment), null, Set.copyOf(used));
    }

    /** The header as 2017 reads it, the QN it was given, or the refusal. */
    private record Header(String text, String qn, Hj212Parser.Result problem) {
    }

    private Header header(String head, String body) {
        StringBuilder out = new StringBuilder();
        String qn = null;
        boolean flag = false;
        String cn = null;
        for (String item : head.split(";")) {
            if (item.isEmpty()) {
                continue;
            }
            if (item.startsWith("QN=")) {
                qn = item.substring(3);
            } else if (item.startsWith("CN=")) {
                cn = item.substring(3);
            }
            if (item.startsWith("Flag=")) {
                flag = true;
                String v = item.substring(5);
                int bits = v.length() >= 1 && v.length() <= 3 && v.chars().allMatch(Character::isDigit)
                        ? Integer.parseInt(v) : -1;
                if (bits < 0 || bits > 3) {
                    // 2005 knows the reply (A) and split (D) bits only
                    return new Header(null, qn, reject(Reason.FLAG, "Flag", "HJ/T 212-2005 报文的 Flag 应为 0–3：" + v,
                            head));
                }
                item = "Flag=" + (bits | 4);
            }
            out.append(item).append(';');
        }
        if (!flag) {
            out.append("Flag=4;");
        }
        if (qn == null) {
            // uploads of 2005 carry no QN: the data time and the command name the packet, so a resend is stored once
            String dataTime = item(body, "DataTime");
            if (dataTime == null || dataTime.length() != 14 || cn == null || cn.length() != 4) {
                return new Header(null, null, reject(Reason.QN, "QN", "缺少 QN，且无 DataTime 可代替", head));
            }
            qn = dataTime + cn.substring(1);
            out.insert(0, "QN=" + qn + ";");
        }
        return new Header(out.toString(), qn, null);
    }

    /** The CP with 2005 factor codes as 2017 codes and 2005-only flags stood in for; the flags as sent by 2017 code. */
    private static String cp(String body, Map<String, String> flagsAsSent) {
        StringBuilder out = new StringBuilder(body.length() + 64);
        int start = 0;
        while (start <= body.length()) {
            int end = start;
            while (end < body.length() && body.charAt(end) != ';' && body.charAt(end) != ',') {
                end++;
            }
            String item = body.substring(start, end);
            int dash = item.indexOf('-');
            int eq = item.indexOf('=');
            if (dash > 0 && eq > dash) {
                String code = item.substring(0, dash);
                String code2017 = Hj212Factors.of(code).isPresent() ? code : Hj212Factors.from2005(code).orElse(code);
                String rest = item.substring(dash);
                if (rest.startsWith("-Flag=") && rest.length() == 7 && Hj212Codes.FLAGS.indexOf(rest.charAt(6)) < 0
                        && rest.charAt(6) > 0x20 && rest.charAt(6) < 0x7F) {
                    flagsAsSent.put(code2017, rest.substring(6));
                    rest = "-Flag=" + STAND_IN;
                }
                item = code2017 + rest;
            }
            out.append(item);
            if (end < body.length()) {
                out.append(body.charAt(end));
            }
            start = end + 1;
        }
        return out.toString();
    }

    /** {@code key=value} of a CP body; null when absent. */
    private static String item(String body, String key) {
        for (String i : body.split("[;,]")) {
            if (i.startsWith(key + "=")) {
                return i.substring(key.length() + 1);
            }
        }
        return null;
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

    /** A refusal answered under the packet's QN, or the QN a 2005 upload without one is stored under. */
    private static Hj212Parser.Result reject(Reason reason, String field, String detail, String segment) {
        String qn = Hj212Parser.headerValue(segment, "QN");
        int cp = segment.indexOf("CP=&&");
        String cn = Hj212Parser.headerValue(segment, "CN");
        if (qn == null && cp >= 0 && cn != null && cn.length() == 4) {
            String dataTime = item(segment.substring(cp + 5), "DataTime");
            qn = dataTime != null && dataTime.length() == 14 && dataTime.chars().allMatch(Character::isDigit)
                    ? dataTime + cn.substring(1) : null;
        }
        return new Hj212Parser.Result(null, new Rejection(reason, field, detail, qn,
                Hj212Parser.headerValue(segment, "MN"), Hj212Parser.headerValue(segment, "ST"),
                Hj212Parser.headerValue(segment, "PW")));
    }
}

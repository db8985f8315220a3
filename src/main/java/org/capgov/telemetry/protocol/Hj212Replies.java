package org.capgov.telemetry.protocol;

import java.nio.charset.StandardCharsets;

/** The platform's answers to a logger (docs/reference/hj212.md §4): 9014 data reply, 9011 request reply with QnRtn. */
public final class Hj212Replies {

    private Hj212Replies() {
    }

    /** 9014: the data packet {@code qn} was received (sent only when its Flag asked for a reply). */
    public static byte[] dataReply(String qn, String pw, String mn) {
        return frame("QN=" + qn + ";ST=91;CN=9014;PW=" + nz(pw) + ";MN=" + nz(mn) + ";Flag=4;CP=&&&&");
    }

    /** 9013 notification reply, the answer to a heartbeat that asks for one. */
    public static byte[] notificationReply(String qn, String pw, String mn) {
        return frame("QN=" + qn + ";ST=91;CN=9013;PW=" + nz(pw) + ";MN=" + nz(mn) + ";Flag=4;CP=&&&&");
    }

    /** 9011 with {@code QnRtn} (1 ready, 2 refused, 3 PW error, 4 MN error, 9 CRC error, 100 unknown …). */
    public static byte[] requestReply(String qn, String pw, String mn, int qnRtn) {
        return frame("QN=" + qn + ";ST=91;CN=9011;PW=" + nz(pw) + ";MN=" + nz(mn) + ";Flag=4;CP=&&QnRtn=" + qnRtn + "&&");
    }

    public static byte[] frame(String segment) {
        String f = "##" + String.format("%04d", segment.length()) + segment + Hj212Crc.hex(Hj212Crc.of(segment)) + "\r\n";
        return f.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

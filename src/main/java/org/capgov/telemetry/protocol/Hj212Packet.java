package org.capgov.telemetry.protocol;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A packet that passed strict parsing. {@code dataTime} is the CP's {@code DataTime} (null for commands without
 * one); {@code parameters} holds CP items that belong to no factor ({@code RtdInterval}, {@code QnRtn} …);
 * {@code segment} is the data segment as received, kept as evidence beside the parsed values.
 */
public record Hj212Packet(String qn, LocalDateTime qnTime, String st, String cn, String pw, String mn, int flag,
        Integer pnum, Integer pno, LocalDateTime dataTime, List<FactorValue> factors, Map<String, String> parameters,
        String segment) {

    /** Flag bit 0 (A): the sender asks for a reply. */
    public boolean wantsReply() {
        return (flag & 1) != 0;
    }

    /** Flag bit 1 (D): the packet is one part of a split message (PNUM/PNO present). */
    public boolean isSplit() {
        return (flag & 2) != 0;
    }

    /** Flag bits 2–7: protocol version; 1 is HJ 212-2017. */
    public int version() {
        return flag >>> 2;
    }
}

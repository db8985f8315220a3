package org.capgov.telemetry.protocol;

/**
 * Why a packet was refused, with the field at fault and a Chinese explanation for the log and the pages. {@code qn},
 * {@code mn}, {@code st} and {@code pw} are what could be read of the header anyway (null when unreadable), so that the gateway
 * can still answer the sender with the matching {@code QnRtn}.
 */
public record Rejection(Reason reason, String field, String detail, String qn, String mn, String st, String pw) {

    /** Reasons, each with the {@code QnRtn} of HJ 212-2017 that answers it (docs/reference/hj212.md §4). */
    public enum Reason {
        FRAME(100), LENGTH(100), CRC(9), QN(7), ST(5), CN(8), PW(3), MN(4), FLAG(6), FIELD(100), CP(100);

        private final int qnRtn;

        Reason(int qnRtn) {
            this.qnRtn = qnRtn;
        }

        public int qnRtn() {
            return qnRtn;
        }
    }
}

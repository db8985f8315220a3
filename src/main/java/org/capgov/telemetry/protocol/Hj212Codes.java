package org.capgov.telemetry.protocol;

import java.util.Set;

/**
 * Code tables of HJ 212-2017 that strict parsing checks (docs/reference/hj212.md §4): system codes (ST), command
 * codes (CN) and data flags. A packet with a code outside them is refused, not guessed at.
 */
public final class Hj212Codes {

    /** ST: environmental quality 21–27, pollution sources 31–39 and 41, process monitoring 51–52, interaction 91. */
    public static final Set<String> SYSTEMS = Set.of("21", "22", "23", "24", "25", "26", "27", "31", "32", "33", "34",
            "35", "36", "37", "38", "39", "41", "51", "52", "91");

    /** CN: initialisation and parameters, data, control and interaction commands. */
    public static final Set<String> COMMANDS = Set.of("1000", "1011", "1012", "1013", "1061", "1062", "1063", "1064",
            "1072", "2011", "2012", "2021", "2022", "2031", "2041", "2051", "2061", "2081", "3011", "3012", "3013", "3014",
            "3015", "3016", "3017", "3018", "3019", "3020", "3021", "9011", "9012", "9013", "9014");

    /** CN of data uploads: real-time, daily, minute, hourly data. Only these carry factor values. */
    public static final Set<String> DATA_COMMANDS = Set.of("2011", "2031", "2051", "2061");

    /** CN 9013, the notification reply, which loggers also send as a heartbeat. */
    public static final String HEARTBEAT = "9013";

    /** Data flags of 2017: N normal, F stopped, M maintenance, S set by hand, D fault, C calibration, T over range, B link fault. */
    public static final String FLAGS = "NFMSDCTB";

    private Hj212Codes() {
    }
}

package org.capgov.telemetry.protocol;

import java.util.Set;

/** The seam between the gateway and one edition of the standard ({@link Dialect}): frames in, typed packets out. */
public interface PacketParser {

    /** Parses one whole frame strictly except for the named tolerances; never throws. */
    Hj212Parser.Result parse(byte[] frame, Set<Tolerance> tolerances);
}

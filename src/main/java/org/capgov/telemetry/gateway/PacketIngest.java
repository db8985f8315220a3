package org.capgov.telemetry.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.capgov.telemetry.logger.LoggerRepository;
import org.capgov.telemetry.protocol.FactorValue;
import org.capgov.telemetry.protocol.Hj212Packet;
import org.capgov.telemetry.protocol.Tolerance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores an admitted data packet with its values in one transaction: the gateway acknowledges only after this
 * returns, so an acknowledged packet is committed. A QN the logger already sent is not stored again. The raw data
 * segment is kept with its SHA-256 (docs/reference/hj212.md §8: how stored packets stay evidentially intact).
 */
@Component
class PacketIngest {

    private final LoggerRepository loggers;
    private final Clock clock;

    PacketIngest(LoggerRepository loggers, Clock clock) {
        this.loggers = loggers;
        this.clock = clock;
    }

    /** True when stored, false when it was a retransmission. */
    @Transactional
    public boolean store(LoggerRepository.Admission logger, Hj212Packet p, String remote, Set<Tolerance> tolerated) {
        Instant now = clock.instant();
        Optional<Long> id = loggers.insertPacket(logger.id(), p.qn(), p.cn(), p.dataTime(), now, remote, p.segment(),
                sha256(p.segment()), tolerated);
        if (id.isEmpty()) {
            return false;
        }
        String fault = null;
        for (FactorValue v : p.factors()) {
            loggers.insertValue(id.get(), v.code(), logger.factors().get(v.code()), v.rtd(), v.avg(), v.min(), v.max(),
                    v.cou(), v.flag());
            if (v.flag() != null && (v.flag() == 'D' || v.flag() == 'B')) {
                fault = "FLAG_" + v.flag();
            }
        }
        loggers.seen(logger.id(), now, false, fault);
        loggers.countTolerances(logger.id(), tolerated, now);
        return true;
    }

    @Transactional
    public void heartbeat(LoggerRepository.Admission logger, Set<Tolerance> tolerated) {
        Instant now = clock.instant();
        loggers.seen(logger.id(), now, true, null);
        loggers.countTolerances(logger.id(), tolerated, now);
    }

    @Transactional
    public void fault(String mn, String reason) {
        loggers.fault(mn, clock.instant(), reason);
    }

    static String sha256(String segment) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(segment.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

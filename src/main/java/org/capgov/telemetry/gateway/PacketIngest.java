package org.capgov.telemetry.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import org.capgov.telemetry.logger.LoggerRepository;
import org.capgov.telemetry.protocol.Tolerance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the gateway records besides data packets (which {@link PacketBatchStore} stores by group commit): heartbeats and
 * refusals. The raw data segment of a packet is kept with its SHA-256 (docs/reference/hj212.md §8: how stored packets
 * stay evidentially intact).
 */
@Component
class PacketIngest {

    private final LoggerRepository loggers;
    private final Clock clock;

    PacketIngest(LoggerRepository loggers, Clock clock) {
        this.loggers = loggers;
        this.clock = clock;
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

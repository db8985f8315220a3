package org.capgov.telemetry.gateway;

import java.time.Clock;
import java.util.Optional;
import org.capgov.telemetry.logger.LoggerRepository;
import org.capgov.telemetry.protocol.FactorValue;
import org.capgov.telemetry.protocol.Hj212Packet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores an admitted data packet with its values in one transaction: the gateway acknowledges only after this
 * returns, so an acknowledged packet is committed. A QN the logger already sent is not stored again.
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
    public boolean store(LoggerRepository.Admission logger, Hj212Packet p, String remote) {
        Optional<Long> id = loggers.insertPacket(logger.id(), p.qn(), p.cn(), p.dataTime(), clock.instant(), remote,
                p.segment());
        if (id.isEmpty()) {
            return false;
        }
        for (FactorValue v : p.factors()) {
            loggers.insertValue(id.get(), v.code(), logger.factors().get(v.code()), v.rtd(), v.avg(), v.min(), v.max(),
                    v.cou(), v.flag());
        }
        return true;
    }
}

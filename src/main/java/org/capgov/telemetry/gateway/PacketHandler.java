package org.capgov.telemetry.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.capgov.telemetry.logger.LoggerRepository;
import org.capgov.telemetry.protocol.Dialect;
import org.capgov.telemetry.protocol.Hj212Codes;
import org.capgov.telemetry.protocol.Lenience;
import org.capgov.telemetry.protocol.Tolerance;
import org.capgov.telemetry.protocol.Hj212Packet;
import org.capgov.telemetry.protocol.Hj212Parser;
import org.capgov.telemetry.protocol.Hj212Replies;
import org.capgov.telemetry.protocol.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One frame at a time: parse strictly, admit the logger (MN registered, PW right), store data, then answer as
 * docs/reference/hj212.md §4 says. Runs on a worker group apart from the I/O threads, since storing blocks.
 * A refused packet is logged and never stored; a frame whose QN cannot be read gets no answer and closes the line.
 */
@ChannelHandler.Sharable
class PacketHandler extends SimpleChannelInboundHandler<byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(PacketHandler.class);
    private static final int QN_RTN_REFUSED = 2;

    /** Refusals a lenient mode can undo: the frame is readable, only its length or CRC is off. */
    private static final Set<Rejection.Reason> LENIENT_REASONS = EnumSet.of(Rejection.Reason.LENGTH,
            Rejection.Reason.CRC);
    private final LoggerRepository loggers;
    private final PacketIngest ingest;
    private final PacketBatcher batcher;

    PacketHandler(LoggerRepository loggers, PacketIngest ingest, PacketBatcher batcher) {
        this.loggers = loggers;
        this.ingest = ingest;
        this.batcher = batcher;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, byte[] frame) throws InterruptedException {
        String remote = String.valueOf(ctx.channel().remoteAddress());
        Hj212Parser.Result r = Dialect.HJ212_2017.parser().parse(frame, Set.of());
        Optional<LoggerRepository.Admission> logger = Optional.empty();
        if (!r.ok() && r.rejection().mn() != null) {
            // a framing deviation the logger's lenient mode may let through (counted), or a logger of another
            // edition of the standard (docs/reference/hj212.md §7, §12): parsed again as the logger speaks
            logger = loggers.admission(r.rejection().mn());
            boolean otherDialect = logger.isPresent() && logger.get().dialect() != Dialect.HJ212_2017;
            if (otherDialect || logger.isPresent() && !logger.get().tolerances().isEmpty()
                    && LENIENT_REASONS.contains(r.rejection().reason())) {
                r = logger.get().dialect().parser().parse(frame, logger.get().tolerances());
            }
        }
        if (!r.ok()) {
            Rejection why = r.rejection();
            LOG.warn("HJ 212 packet refused from {} (MN {}): {} [{}] {}", remote, why.mn(), why.reason(), why.field(),
                    why.detail());
            if (why.mn() != null) {
                ingest.fault(why.mn(), why.reason().name());
            }
            if (why.qn() == null) {
                ctx.close();
            } else {
                reply(ctx, Hj212Replies.requestReply(why.qn(), why.pw(), why.mn(), why.reason().qnRtn()));
            }
            return;
        }
        Hj212Packet p = r.packet();
        if (logger.isEmpty()) {
            logger = loggers.admission(p.mn());
        }
        if (logger.isEmpty()) {
            LOG.warn("HJ 212 packet QN {} from {} refused: MN {} is not registered", p.qn(), remote, p.mn());
            reply(ctx, Hj212Replies.requestReply(p.qn(), p.pw(), p.mn(), Rejection.Reason.MN.qnRtn()));
            return;
        }
        if (!logger.get().passwordMatches(p.pw())) {
            LOG.warn("HJ 212 packet QN {} from {} refused: wrong password for MN {}", p.qn(), remote, p.mn());
            ingest.fault(p.mn(), Rejection.Reason.PW.name());
            reply(ctx, Hj212Replies.requestReply(p.qn(), p.pw(), p.mn(), Rejection.Reason.PW.qnRtn()));
            return;
        }
        Set<Tolerance> used = EnumSet.noneOf(Tolerance.class);
        used.addAll(r.tolerated());
        Lenience.Applied applied = Lenience.apply(p, logger.get().tolerances());
        used.addAll(applied.used());
        p = applied.packet();
        if (Hj212Codes.DATA_COMMANDS.contains(p.cn())) {
            // stored by the next group commit; the 9014 goes out only once it is committed
            Hj212Packet packet = p;
            batcher.submit(new PacketBatchStore.Pending(logger.get(), packet, remote, used), new PacketBatcher.Outcome() {
                @Override
                public void committed(boolean stored) {
                    if (!stored) {
                        LOG.info("HJ 212 packet QN {} of MN {} received again; stored once", packet.qn(), packet.mn());
                    }
                    if (packet.wantsReply()) {
                        reply(ctx, Hj212Replies.dataReply(packet.qn(), packet.pw(), packet.mn()));
                    }
                }

                @Override
                public void failed(Exception e) {
                    // e.g. the database is down: nothing is acknowledged, the logger will resend
                    ctx.close();
                }
            });
        } else if (p.cn().equals(Hj212Codes.HEARTBEAT)) {
            // a heartbeat: the logger is alive; answered in kind when it asks (docs/reference/hj212.md §4)
            ingest.heartbeat(logger.get(), used);
            if (p.wantsReply()) {
                reply(ctx, Hj212Replies.notificationReply(p.qn(), p.pw(), p.mn()));
            }
        } else if (p.wantsReply()) {
            // the platform takes data from loggers, not commands (docs/reference/hj212.md §4)
            reply(ctx, Hj212Replies.requestReply(p.qn(), p.pw(), p.mn(), QN_RTN_REFUSED));
        }
    }

    private static void reply(ChannelHandlerContext ctx, byte[] bytes) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.info("HJ 212 connection {} idle; closed", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // e.g. the database is down: nothing is acknowledged, the logger will resend
        LOG.warn("HJ 212 connection {} closed after an error: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}

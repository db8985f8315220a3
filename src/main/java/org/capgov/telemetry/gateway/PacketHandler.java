package org.capgov.telemetry.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.Optional;
import org.capgov.telemetry.logger.LoggerRepository;
import org.capgov.telemetry.protocol.Hj212Codes;
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

    private final Hj212Parser parser = new Hj212Parser();
    private final LoggerRepository loggers;
    private final PacketIngest ingest;

    PacketHandler(LoggerRepository loggers, PacketIngest ingest) {
        this.loggers = loggers;
        this.ingest = ingest;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, byte[] frame) {
        String remote = String.valueOf(ctx.channel().remoteAddress());
        Hj212Parser.Result r = parser.parse(frame);
        if (!r.ok()) {
            Rejection why = r.rejection();
            LOG.warn("HJ 212 packet refused from {} (MN {}): {} [{}] {}", remote, why.mn(), why.reason(), why.field(),
                    why.detail());
            if (why.qn() == null) {
                ctx.close();
            } else {
                reply(ctx, Hj212Replies.requestReply(why.qn(), why.pw(), why.mn(), why.reason().qnRtn()));
            }
            return;
        }
        Hj212Packet p = r.packet();
        Optional<LoggerRepository.Admission> logger = loggers.admission(p.mn());
        if (logger.isEmpty()) {
            LOG.warn("HJ 212 packet QN {} from {} refused: MN {} is not registered", p.qn(), remote, p.mn());
            reply(ctx, Hj212Replies.requestReply(p.qn(), p.pw(), p.mn(), Rejection.Reason.MN.qnRtn()));
            return;
        }
        if (!logger.get().passwordMatches(p.pw())) {
            LOG.warn("HJ 212 packet QN {} from {} refused: wrong password for MN {}", p.qn(), remote, p.mn());
            reply(ctx, Hj212Replies.requestReply(p.qn(), p.pw(), p.mn(), Rejection.Reason.PW.qnRtn()));
            return;
        }
        if (Hj212Codes.DATA_COMMANDS.contains(p.cn())) {
            boolean stored = ingest.store(logger.get(), p, remote);
            if (!stored) {
                LOG.info("HJ 212 packet QN {} of MN {} received again; stored once", p.qn(), p.mn());
            }
            if (p.wantsReply()) {
                reply(ctx, Hj212Replies.dataReply(p.qn(), p.pw(), p.mn()));
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

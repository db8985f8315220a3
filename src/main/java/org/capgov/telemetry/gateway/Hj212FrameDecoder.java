package org.capgov.telemetry.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the TCP byte stream into HJ 212 frames: a frame starts at {@code ##} and ends at its first CRLF, so sticky
 * packets (several in one read) and split ones (one over several reads) both come out whole.
 * Bytes before a {@code ##} are dropped; a length field that is not 4 digits drops one {@code #} and looks for the
 * next header; a frame longer than the limit closes the connection, since the stream cannot be trusted after it.
 */
class Hj212FrameDecoder extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(Hj212FrameDecoder.class);

    private final int maxFrame;

    Hj212FrameDecoder(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            int start = findHeader(in);
            if (start < 0) {
                // keep a trailing '#', which may be the first half of the next header
                int keep = in.readableBytes() > 0 && in.getByte(in.writerIndex() - 1) == '#' ? 1 : 0;
                in.skipBytes(in.readableBytes() - keep);
                return;
            }
            in.readerIndex(start);
            if (in.readableBytes() < 6) {
                return;
            }
            int length = 0;
            for (int i = 2; i < 6; i++) {
                byte b = in.getByte(start + i);
                if (b < '0' || b > '9') {
                    length = -1;
                    break;
                }
                length = length * 10 + (b - '0');
            }
            if (length < 0) {
                // one byte only: in "###0198…" the real header starts at the second '#'
                in.skipBytes(1);
                continue;
            }
            int frame = length + 12;
            if (frame > maxFrame) {
                LOG.warn("HJ 212 frame of {} bytes from {} exceeds the limit of {}; connection closed", frame,
                        ctx.channel().remoteAddress(), maxFrame);
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
            // a frame ends at its first CRLF (the data segment is printable ASCII): cutting there rather than at the
            // declared length lets a wrong length field reach the parser, which refuses it or, in a logger's lenient
            // mode, takes it (docs/reference/hj212.md §6), and keeps the stream in step either way
            int end = findCrlf(in, start + 6, Math.min(in.writerIndex(), start + maxFrame));
            if (end < 0) {
                if (in.readableBytes() >= maxFrame) {
                    LOG.warn("HJ 212 frame from {} has no CRLF within {} bytes; connection closed",
                            ctx.channel().remoteAddress(), maxFrame);
                    in.skipBytes(in.readableBytes());
                    ctx.close();
                }
                return;
            }
            frame = end + 2 - start;
            byte[] bytes = new byte[frame];
            in.readBytes(bytes);
            out.add(bytes);
        }
    }

    /** Index of the CR of the first CRLF from {@code from} (inclusive) to {@code to} (exclusive), or -1. */
    private static int findCrlf(ByteBuf in, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int findHeader(ByteBuf in) {
        for (int i = in.readerIndex(); i < in.writerIndex() - 1; i++) {
            if (in.getByte(i) == '#' && in.getByte(i + 1) == '#') {
                return i;
            }
        }
        return -1;
    }
}

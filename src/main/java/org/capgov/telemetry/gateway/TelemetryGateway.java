package org.capgov.telemetry.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.capgov.telemetry.logger.LoggerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The HJ 212 TCP server (Netty): started with the platform when {@code capgov.telemetry.enabled} (default true),
 * on {@code capgov.telemetry.port} (0 = any free port; the bound port is logged and {@link #port()}).
 */
@Component
@EnableConfigurationProperties(TelemetryProperties.class)
@ConditionalOnProperty(name = "capgov.telemetry.enabled", havingValue = "true", matchIfMissing = true)
public class TelemetryGateway implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryGateway.class);
    /** Threads that parse and admit packets and hand them to the group commit; storing blocks none of them. */
    private static final int WORKERS = 4;

    private final TelemetryProperties properties;
    private final PacketBatcher batcher;
    private final PacketHandler handler;
    private EventLoopGroup boss;
    private EventLoopGroup io;
    private EventExecutorGroup workers;
    private Channel server;
    private volatile int port = -1;

    TelemetryGateway(TelemetryProperties properties, LoggerRepository loggers, PacketIngest ingest,
            PacketBatchStore store) {
        this.properties = properties;
        this.batcher = new PacketBatcher(store, properties.writers(), properties.maxBatch(), properties.maxQueued());
        this.handler = new PacketHandler(loggers, ingest, batcher);
    }

    @Override
    public void start() {
        batcher.start();
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        io = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        workers = new DefaultEventExecutorGroup(WORKERS);
        long idle = properties.idleTimeout().toMillis();
        ServerBootstrap b = new ServerBootstrap().group(boss, io).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS))
                                .addLast(new Hj212FrameDecoder(properties.maxPacketLength()))
                                .addLast(workers, handler);
                    }
                });
        server = b.bind(properties.port()).syncUninterruptibly().channel();
        port = ((InetSocketAddress) server.localAddress()).getPort();
        LOG.info("HJ 212 gateway listening on port {}", port);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
        for (var g : new io.netty.util.concurrent.EventExecutorGroup[] {boss, io, workers}) {
            if (g != null) {
                g.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
        batcher.stop();
        port = -1;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The bound port, -1 when not running. */
    public int port() {
        return port;
    }
}

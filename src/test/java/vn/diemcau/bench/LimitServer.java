package vn.diemcau.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The "limit" server: what this machine can do at best. Plain Netty; a broadcast encodes the
 * WebSocket frame once (header + payload, no mask) and writes the same bytes to every socket, each
 * event loop writing to its own sockets with one flush each. Nothing else: no protocol, no auth.
 * POST /broadcast with the text; WebSocket on any other path.
 */
public final class LimitServer {
    /** Sockets by their event loop, so a broadcast is one task per loop. */
    static final Map<EventLoop, List<Channel>> SOCKETS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        serve(port, Handler::new);
        System.out.println("limit server on " + port);
    }

    /**
     * An HTTP server on two NIO event loops (like Vert.x and Quarkus here: the native epoll transport
     * is not on the classpath), each connection's requests whole, to a handler of its own.
     */
    static void serve(int port, java.util.function.Supplier<io.netty.channel.ChannelHandler> handler)
            throws InterruptedException {
        new ServerBootstrap()
                .group(new NioEventLoopGroup(2))
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(1 << 20))
                                .addLast(handler.get());
                    }
                })
                .bind("127.0.0.1", port)
                .sync();
    }

    static final class Handler extends SimpleChannelInboundHandler<Object> {
        private WebSocketServerHandshaker handshaker;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest req) {
                if (req.uri().startsWith("/broadcast")) {
                    broadcast(frame(req.content().toString(StandardCharsets.UTF_8)));
                    var res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
                    ctx.writeAndFlush(res);
                    return;
                }
                handshaker = new WebSocketServerHandshakerFactory("ws://127.0.0.1" + req.uri(), null, false)
                        .newHandshaker(req);
                handshaker.handshake(ctx.channel(), req).addListener(f -> {
                    Channel ch = ctx.channel();
                    SOCKETS.computeIfAbsent(ch.eventLoop(), l -> new CopyOnWriteArrayList<>())
                            .add(ch);
                    ch.closeFuture()
                            .addListener(c -> SOCKETS.get(ch.eventLoop()).remove(ch));
                });
            } else if (msg instanceof WebSocketFrame f && handshaker != null) {
                if (f instanceof io.netty.handler.codec.http.websocketx.CloseWebSocketFrame c)
                    handshaker.close(ctx.channel(), c.retain());
            }
        }
    }

    /** One unmasked text frame, encoded once. */
    static ByteBuf frame(String text) {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        ByteBuf b = Unpooled.directBuffer(p.length + 10);
        b.writeByte(0x81);
        if (p.length < 126) b.writeByte(p.length);
        else if (p.length < 65536) b.writeByte(126).writeShort(p.length);
        else b.writeByte(127).writeLong(p.length);
        b.writeBytes(p);
        return Unpooled.unreleasableBuffer(b);
    }

    static void broadcast(ByteBuf frame) {
        SOCKETS.forEach((loop, list) -> loop.execute(() -> {
            for (Channel ch : list) ch.writeAndFlush(frame.duplicate(), ch.voidPromise());
        }));
    }
}

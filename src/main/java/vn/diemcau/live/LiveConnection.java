package vn.diemcau.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.nio.AbstractNioChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.WebSocketInternal;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.impl.ContextInternal;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import vn.diemcau.security.CurrentUser;

/**
 * One client connection of a session. Writes never block: each frame is handed to the socket and
 * counted until it is out; a connection with more than {@code limit} frames still unsent is too
 * slow and gets closed, so it never holds anybody else up (its client resumes with its lastSeq).
 *
 * <p>Stream frames are written from the connection's own event loop ({@link #loop}: the hub hands
 * each event loop one task for all of its connections, as a minimal broadcast server would), as the
 * frame's prepared bytes, encoded once for every connection:
 *
 * <ul>
 *   <li>a connection with no WebSocket extension gets the whole message, header included
 *       ({@link Frame#wire}), written to its Netty channel with no promise: nothing is made or
 *       copied per socket, and what is still unsent is read off the channel's outbound buffer.
 *       When that buffer is empty and nothing but pass-through handlers lies between the
 *       connection's place in the pipeline and the socket (no TLS, no traffic shaping), the bytes
 *       go straight to the socket ({@link #straight}) and only what the kernel does not take at
 *       once goes through the channel, after which the channel keeps the order;
 *   <li>one that negotiated permessage-deflate (only where compression is switched back on) gets
 *       the payload as a Vert.x frame, which the extension then compresses;
 *   <li>where the Vert.x socket cannot be reached (another websockets-next version), frames go
 *       through {@code sendText}.
 * </ul>
 */
final class LiveConnection {
    static final int CLOSE_TOO_SLOW = 4008;
    /** The largest frame written in one piece: Vert.x's default, which clients accept (larger texts go in fragments). */
    static final int MAX_FRAME = 65536;
    /** Frames kept for a connection while its snapshot or replay is being made. */
    static final int HOLD_LIMIT = 4096;

    private static final Logger LOG = Logger.getLogger(LiveConnection.class);

    final WebSocketConnection ws;
    final long sessionId;
    final Locale locale;
    /** Staff see every frame; participants not the staff-only ones. */
    final boolean staff;
    /** An operator's console: the points it runs (sorted), whose frames it gets; null: every point. */
    final long[] operated;

    private final int limit;
    private final AtomicInteger unsent = new AtomicInteger();
    private long lastSeq = Long.MIN_VALUE;
    /** Frames that arrive while the snapshot or the replay is being prepared; null once started. */
    private List<Frame> held = new ArrayList<>();

    private volatile boolean closing;

    /** The Vert.x socket under {@link #ws}, or null when it cannot be reached. */
    private final WebSocketBase socket;
    /**
     * The socket's Netty channel when prepared messages can be written to it as they are: no
     * extension transforms its frames. Null otherwise. Writes start below the connection's idle
     * timer ({@link #idle}, which would make a promise and a listener for each of them only to note
     * the time), at Vert.x's place in the pipeline when there is none.
     */
    private final ChannelHandlerContext channel;
    /**
     * {@link #channel}'s own internals and its event loop, kept at hand: a fan-out reads them for
     * each of thousands of sockets, and reaching them through the context, its pipeline and its
     * channel is three more objects to fetch from memory each time. Null without {@link #channel}.
     */
    private final Channel.Unsafe unsafe;

    private final EventExecutor executor;
    /** The connection's idle timer (Vert.x's idle timeout), told of each message written past it; null without one. */
    private final IdleStateHandler idle;
    /**
     * The NIO socket under {@link #channel}, when a frame may be written to it directly: nothing
     * between {@link #channel}'s place and the socket changes the bytes. Null otherwise.
     */
    private final SocketChannel straight;
    /** The event loop the socket lives on: writes from it go out without another hand-over. */
    final Executor loop;

    private final Handler<AsyncResult<Void>> sent = ar -> unsent.decrementAndGet();

    /** When the caller's credentials run out (epoch ms; Long.MAX_VALUE when they do not). */
    final long expiresAt;
    /**
     * Who opened the socket, as their credentials said then: what a vote on the event loop needs, and
     * a participant's invitation, checked again while the socket stays open.
     */
    final Caller caller;

    /**
     * The name command records carry, and a participant's invitation (its hash) and delegate, session
     * and point; both null for staff.
     */
    record Caller(String actor, String invitationHash, CurrentUser.Invitee invitee) {}

    LiveConnection(
            WebSocketConnection ws,
            long sessionId,
            Locale locale,
            int limit,
            long expiresAt,
            Caller caller,
            boolean staff,
            long[] operated,
            boolean compression) {
        this.ws = ws;
        this.sessionId = sessionId;
        this.locale = locale;
        this.limit = limit;
        this.expiresAt = expiresAt;
        this.caller = caller;
        this.staff = staff;
        this.operated = operated;
        this.socket = socketOf(ws);
        ChannelHandlerContext vertx = plainChannelOf(ws, socket, compression);
        ChannelHandlerContext timer = vertx == null ? null : vertx.pipeline().context(IdleStateHandler.class);
        this.channel = timer != null ? timer : vertx;
        this.idle = timer == null ? null : (IdleStateHandler) timer.handler();
        this.unsafe = channel == null ? null : channel.channel().unsafe();
        this.executor = channel == null ? null : channel.executor();
        this.straight = straightOf(channel);
        this.loop = executor != null ? executor : loopOf(socket);
    }

    boolean accepts(Frame f) {
        return f.audience().reaches(staff, operated);
    }

    /** A stream event, in sequence order. */
    synchronized void offer(Frame f) {
        if (held != null) {
            // Held frames wait in memory while the snapshot is made, not in the socket: that says
            // nothing about the client's speed. Frames it would never get are not kept at all
            // (a phone joining while 2,000 consoles come online would otherwise hold every
            // point.statuses_changed); past HOLD_LIMIT it resumes later with a fresh snapshot.
            if (!accepts(f)) return;
            held.add(f);
            if (held.size() > HOLD_LIMIT) tooSlow();
            return;
        }
        if (f.seq() <= lastSeq) return;
        lastSeq = f.seq();
        if (accepts(f)) write(f);
    }

    /** Holds stream events back until {@link #start} (used again when the client resumes on an open connection). */
    synchronized void hold() {
        if (held == null) held = new ArrayList<>();
    }

    /**
     * Writes the snapshot or the missed events (up to {@code seq}), then what arrived meanwhile. Runs
     * on the connection's event loop like every other write to it, so nothing written from there can
     * overtake the snapshot.
     */
    void start(long seq, List<String> first) {
        onLoop(() -> startNow(seq, first));
    }

    private synchronized void startNow(long seq, List<String> first) {
        first.forEach(this::write);
        lastSeq = seq;
        List<Frame> h = held;
        held = null;
        if (h != null) h.forEach(this::offer);
    }

    /** An answer to this connection only (ack, rejection), written on its event loop. */
    void reply(String text) {
        onLoop(() -> replyNow(text));
    }

    private synchronized void replyNow(String text) {
        write(text);
    }

    boolean closing() {
        return closing;
    }

    /** Whether frames go to the Vert.x socket as prepared bytes (not through {@code sendText}). */
    boolean direct() {
        return socket != null;
    }

    /** Whether frames go to the Netty channel as whole prepared messages (no extension in the way). */
    boolean plain() {
        return channel != null;
    }

    /** Bytes its channel holds that the socket has not taken yet (0 where frames do not go as whole messages). */
    long unsentBytes() {
        ChannelOutboundBuffer out = outbound();
        return out == null ? 0 : out.totalPendingWriteBytes();
    }

    /** The channel's outbound buffer: what it holds that the socket has not taken; null without a plain channel, or once closed. */
    private ChannelOutboundBuffer outbound() {
        return unsafe == null ? null : unsafe.outboundBuffer();
    }

    /** Whether frames go straight to the socket while its channel holds nothing unsent. */
    boolean straight() {
        return straight != null;
    }

    /**
     * Every write to the socket happens on its event loop, in the order the tasks were handed over
     * there (the hub's fan-out, a start, a reply): direct writes from the loop would otherwise
     * overtake writes other threads had queued before them.
     */
    private void onLoop(Runnable r) {
        if (loop == null) r.run();
        else loop.execute(r);
    }

    private void write(String text) {
        if (!admit()) return;
        if (socket == null)
            ws.sendText(text).subscribe().with(ok -> unsent.decrementAndGet(), err -> unsent.decrementAndGet());
        else if (channel != null) writeWhole(Frame.wireOnHeap(text), null);
        else socket.writeTextMessage(text, sent);
    }

    /** The frame's prepared bytes, in fragments of at most {@link #MAX_FRAME} bytes as Vert.x would send a text. */
    private void write(Frame f) {
        if (socket == null) {
            write(f.text());
            return;
        }
        if (!admit()) return;
        if (channel != null) {
            writeWhole(f.bytes(), f.wire());
            return;
        }
        ByteBuf p = f.payload();
        int size = p.readableBytes();
        if (size <= MAX_FRAME) {
            socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, p.duplicate(), true), sent);
            return;
        }
        for (int at = 0; at < size; at += MAX_FRAME) {
            int length = Math.min(MAX_FRAME, size - at);
            boolean last = at + length == size;
            socket.writeFrame(
                    new WebSocketFrameImpl(
                            at == 0 ? WebSocketFrameType.TEXT : WebSocketFrameType.CONTINUATION,
                            p.slice(p.readerIndex() + at, length),
                            last),
                    last ? sent : null);
        }
    }

    /**
     * A whole WebSocket message, header and payload, on a plain channel: {@code bytes} straight to
     * the socket where it may be, and what the kernel did not take through the channel, as a view of
     * {@code shared} (a frame's bytes, which every connection writes), or of {@code bytes} themselves
     * when null. A message the socket took whole makes no Netty buffer at all.
     */
    private void writeWhole(ByteBuffer bytes, ByteBuf shared) {
        int written = straight == null ? 0 : writeStraight(bytes);
        if (written < bytes.limit()) {
            ByteBuf rest = shared != null ? shared.duplicate() : Unpooled.wrappedBuffer(bytes);
            channel.writeAndFlush(rest.skipBytes(written), channel.voidPromise());
        }
        if (idle != null) idle.resetWriteTimeout();
    }

    /**
     * Writes the message to the socket itself when the channel holds nothing that should go first
     * (its outbound buffer empty, on its event loop): one system call, without the pipeline's and
     * the outbound buffer's work for each socket. Returns the bytes the kernel took; the channel
     * writes the rest (a full socket buffer), or all of it after an error, which it then handles
     * as for any write (the connection closes).
     */
    private int writeStraight(ByteBuffer bytes) {
        ChannelOutboundBuffer out = outbound();
        if (out == null || !out.isEmpty() || out.totalPendingWriteBytes() != 0 || !executor.inEventLoop()) return 0;
        ByteBuffer b = bytes.duplicate();
        try {
            straight.write(b);
        } catch (IOException e) {
            // nothing taken: the channel writes it all, fails the same way and closes the connection
        }
        return b.position();
    }

    /**
     * Counts a frame about to be written; false (and the connection closed) when too many are still
     * unsent. On a plain channel the count is the channel's own: the messages in its outbound buffer
     * that the kernel has not taken yet (read on its event loop, where every write happens).
     */
    private boolean admit() {
        if (closing) return false;
        if (channel != null) {
            ChannelOutboundBuffer out = outbound();
            if (out == null) return false; // closed
            if (out.size() < limit) return true;
        } else if (unsent.incrementAndGet() <= limit) return true;
        tooSlow();
        return false;
    }

    private void tooSlow() {
        if (closing) return;
        LOG.infof("live: closing slow connection %s of session %d", ws.id(), sessionId);
        close(CLOSE_TOO_SLOW, "too slow: reconnect and resume with lastSeq");
    }

    /** Closes the socket with {@code code}; nothing is written to it afterwards. */
    void close(int code, String reason) {
        if (closing) return;
        closing = true;
        ws.close(new CloseReason(code, reason)).subscribe().with(ok -> {}, err -> {});
    }

    private static final Method WEB_SOCKET = Internals.accessible(
            () -> Class.forName("io.quarkus.websockets.next.runtime.WebSocketConnectionBase")
                    .getDeclaredMethod("webSocket"),
            "frames go through sendText");

    private static WebSocketBase socketOf(WebSocketConnection ws) {
        return Internals.read(WEB_SOCKET, ws) instanceof WebSocketBase s ? s : null;
    }

    /**
     * The Netty channel under the socket, when the connection's frames go out as they are: the
     * server negotiates no extension ({@code compression} off), or this client offered none (its
     * upgrade request has no {@code Sec-WebSocket-Extensions}). Null otherwise, and where the
     * socket is not Vert.x's own.
     */
    private static ChannelHandlerContext plainChannelOf(
            WebSocketConnection ws, WebSocketBase socket, boolean compression) {
        WebSocketInternal internal = internalOf(socket);
        if (internal == null) return null;
        if (compression && ws.handshakeRequest().header("Sec-WebSocket-Extensions") != null) return null;
        return internal.channelHandlerContext();
    }

    private static final Method JAVA_CHANNEL = Internals.accessible(
            () -> AbstractNioChannel.class.getDeclaredMethod("javaChannel"),
            "frames go through the channel's pipeline");

    /**
     * The NIO socket under {@code ctx}'s channel when bytes written to it directly are what a write
     * at {@code ctx} would send: every handler between the socket and {@code ctx} lets a prepared
     * message pass unchanged (inbound-only handlers, the WebSocket frame encoder, the idle timer).
     * Null with TLS, traffic shaping or anything else unknown there, and off NIO.
     */
    static SocketChannel straightOf(ChannelHandlerContext ctx) {
        if (ctx == null || !(ctx.channel() instanceof NioSocketChannel nio)) return null;
        for (Map.Entry<String, ChannelHandler> e : ctx.pipeline()) { // from the socket's end
            ChannelHandler h = e.getValue();
            if (h == ctx.handler()) return Internals.read(JAVA_CHANNEL, nio) instanceof SocketChannel s ? s : null;
            if (h instanceof ChannelOutboundHandler
                    && !(h instanceof WebSocketFrameEncoder)
                    && !(h instanceof IdleStateHandler)) return null;
        }
        return null;
    }

    /** Vert.x Web hands websockets-next its own wrapper of the server socket; this is the field it keeps it in. */
    private static final Field WRAPPED = Internals.field(
            "io.vertx.ext.web.impl.ServerWebSocketWrapper", "delegate", "no prepared messages on the channel");

    /** Vert.x's own socket, under Vert.x Web's wrapper if need be; null when it cannot be reached. */
    private static WebSocketInternal internalOf(WebSocketBase socket) {
        if (socket instanceof WebSocketInternal internal) return internal;
        return Internals.read(WRAPPED, socket) instanceof WebSocketInternal internal ? internal : null;
    }

    /** The event loop of the context the connection is opened on (its own); null outside one. */
    private static Executor loopOf(WebSocketBase socket) {
        if (socket == null) return null;
        if (Vertx.currentContext() instanceof ContextInternal c) return c.nettyEventLoop();
        LOG.debug("live: a socket opened outside its Vert.x context; frames are written from the publisher");
        return null;
    }
}

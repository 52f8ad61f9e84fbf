package vn.diemcau.bench;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.diemcau.security.InvitationTokens;

/**
 * The burst "limit" server: the least a durable check-in over HTTP, or a durable vote over an open
 * WebSocket, needs on this machine. Plain Netty (two event loops). The delegate's invitation hash is
 * looked up in memory (the sessions' invitations, read once at start). Each write joins a group
 * commit (one writer thread per kind, a JDBC batch of {@code INSERT IGNORE} per transaction:
 * idempotent, as diemcau's) and is answered once its batch has committed. No framework, no roles,
 * no session, point or poll checks, no audit, no counts, no results.
 *
 * <ul>
 *   <li>POST /check-in with {@code Authorization: Invitation <token>}: 200 {@code {"status":"PRESENT",…}}.
 *   <li>A WebSocket upgrade on any other path with the same header: a {@code live.snapshot} frame,
 *       then for each {@code poll.vote} text ({@code commandId}, {@code pollId}, {@code choices}) a
 *       {@code live.ack} with its commandId.
 * </ul>
 *
 * <p>Arguments: port, JDBC URL, user, password, session ids (comma-separated). Rows go to {@code
 * bench_limit_check_ins} and {@code bench_limit_votes}.
 */
public final class BurstLimitServer {
    record Delegate(long id, long sessionId) {}

    /** One write waiting for its batch: the row's values and what to answer once it is committed. */
    record Pending(Delegate delegate, long poll, String choices, Runnable answer) {}

    static final Map<String, Delegate> INVITATIONS = new HashMap<>();
    static final BlockingQueue<Pending> CHECK_INS = new LinkedBlockingQueue<>();
    static final BlockingQueue<Pending> VOTES = new LinkedBlockingQueue<>();

    private static final Pattern COMMAND = Pattern.compile("\"commandId\":\"([^\"]+)\"");
    private static final Pattern POLL = Pattern.compile("\"pollId\":(\\d+)");
    private static final Pattern CHOICES = Pattern.compile("\"choices\":\\[([^\\]]*)\\]");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
            try (var st = db.createStatement()) {
                st.execute("create table if not exists bench_limit_check_ins (delegate_id bigint primary key,"
                        + " session_id bigint not null, checked_in_at datetime(6) not null)");
                st.execute("create table if not exists bench_limit_votes (poll_id bigint not null,"
                        + " delegate_id bigint not null, choices varchar(200) not null, voted_at datetime(6) not null,"
                        + " primary key (poll_id, delegate_id))");
            }
            for (String session : args[4].split(",")) {
                try (PreparedStatement ps = db.prepareStatement(
                        "select invitation_hash, id, session_id from delegates where session_id = ?")) {
                    ps.setLong(1, Long.parseLong(session));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) INVITATIONS.put(rs.getString(1), new Delegate(rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
        }
        writer(
                "check-ins",
                args,
                CHECK_INS,
                "insert ignore into bench_limit_check_ins (delegate_id, session_id,"
                        + " checked_in_at) values (?, ?, ?)",
                (ps, p, now) -> {
                    ps.setLong(1, p.delegate().id());
                    ps.setLong(2, p.delegate().sessionId());
                    ps.setTimestamp(3, now);
                });
        writer(
                "votes",
                args,
                VOTES,
                "insert ignore into bench_limit_votes (poll_id, delegate_id, choices, voted_at)"
                        + " values (?, ?, ?, ?)",
                (ps, p, now) -> {
                    ps.setLong(1, p.poll());
                    ps.setLong(2, p.delegate().id());
                    ps.setString(3, p.choices());
                    ps.setTimestamp(4, now);
                });
        LimitServer.serve(port, Handler::new);
        System.out.println("burst limit server on " + port + ", " + INVITATIONS.size() + " invitations");
    }

    static Delegate delegate(FullHttpRequest req) {
        String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        return auth != null && auth.startsWith("Invitation ")
                ? INVITATIONS.get(InvitationTokens.hash(auth.substring("Invitation ".length())))
                : null;
    }

    static final class Handler extends SimpleChannelInboundHandler<Object> {
        private WebSocketServerHandshaker handshaker;
        private Delegate phone;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest req) {
                Delegate d = delegate(req);
                if (d == null) {
                    answer(ctx, HttpResponseStatus.UNAUTHORIZED, "{\"status\":401}");
                } else if (req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
                    phone = d;
                    handshaker = new WebSocketServerHandshakerFactory("ws://127.0.0.1" + req.uri(), null, false)
                            .newHandshaker(req);
                    handshaker
                            .handshake(ctx.channel(), req)
                            .addListener(
                                    f -> ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"live.snapshot\"}")));
                } else {
                    CHECK_INS.add(new Pending(
                            d,
                            0,
                            null,
                            () -> ctx.executor()
                                    .execute(() -> answer(
                                            ctx,
                                            HttpResponseStatus.OK,
                                            "{\"status\":\"PRESENT\",\"at\":\"" + Instant.now() + "\"}"))));
                }
            } else if (msg instanceof TextWebSocketFrame text && phone != null) {
                String t = text.text();
                Matcher command = COMMAND.matcher(t), poll = POLL.matcher(t), choices = CHOICES.matcher(t);
                if (!command.find() || !poll.find() || !choices.find()) return;
                String ack = "{\"type\":\"live.ack\",\"commandId\":\"" + command.group(1) + "\",\"ok\":true}";
                VOTES.add(new Pending(
                        phone,
                        Long.parseLong(poll.group(1)),
                        choices.group(1),
                        () -> ctx.channel().writeAndFlush(new TextWebSocketFrame(ack))));
            } else if (msg instanceof CloseWebSocketFrame c && handshaker != null) {
                handshaker.close(ctx.channel(), c.retain());
            }
        }
    }

    static void answer(ChannelHandlerContext ctx, HttpResponseStatus status, String body) {
        FullHttpResponse res = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
        ctx.writeAndFlush(res);
    }

    interface Binder {
        void bind(PreparedStatement ps, Pending p, Timestamp now) throws SQLException;
    }

    /**
     * A group commit on a connection and thread of its own: whatever is queued, up to 1,000, in one
     * transaction; the answers after the commit.
     */
    static void writer(String name, String[] db, BlockingQueue<Pending> queue, String insert, Binder binder) {
        Thread t = new Thread(
                () -> {
                    List<Pending> batch = new ArrayList<>();
                    try (Connection c = DriverManager.getConnection(db[1], db[2], db[3])) {
                        c.setAutoCommit(false);
                        try (PreparedStatement ps = c.prepareStatement(insert)) {
                            while (true) {
                                batch.add(queue.take());
                                queue.drainTo(batch, 999);
                                Timestamp now = Timestamp.from(Instant.now());
                                for (Pending p : batch) {
                                    binder.bind(ps, p, now);
                                    ps.addBatch();
                                }
                                ps.executeBatch();
                                c.commit();
                                for (Pending p : batch) p.answer().run();
                                batch.clear();
                            }
                        }
                    } catch (Exception e) {
                        e.printStackTrace();
                        System.exit(1);
                    }
                },
                "limit-writer-" + name);
        t.setDaemon(true);
        t.start();
    }
}

package vn.diemcau.bench;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import vn.diemcau.security.InvitationTokens;

/**
 * The check-in "limit" server: the least a durable check-in over HTTP needs, on this machine. Plain
 * Netty (two event loops); a request carries the delegate's invitation, whose hash is looked up in
 * memory (the session's invitations, read once at start); the check-in joins a group commit (one
 * writer thread, a JDBC batch of {@code insert ignore} per transaction: idempotent, as diemcau's)
 * and is answered once its batch has committed. No framework, no roles, no session or point checks,
 * no audit, no counts. POST /check-in with {@code Authorization: Invitation <token>}.
 *
 * <p>Arguments: port, JDBC URL, user, password, session ids (comma-separated). Rows go to {@code
 * bench_limit_check_ins}.
 */
public final class CheckInLimitServer {
    record Delegate(long id, long sessionId) {}

    record Pending(Delegate delegate, ChannelHandlerContext ctx) {}

    static final BlockingQueue<Pending> QUEUE = new LinkedBlockingQueue<>();
    static final Map<String, Delegate> INVITATIONS = new HashMap<>();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String url = args[1];
        Connection db = DriverManager.getConnection(url, args[2], args[3]);
        try (var st = db.createStatement()) {
            st.execute("create table if not exists bench_limit_check_ins (delegate_id bigint primary key,"
                    + " session_id bigint not null, checked_in_at datetime(6) not null)");
        }
        for (String session : args[4].split(",")) {
            try (PreparedStatement ps =
                    db.prepareStatement("select invitation_hash, id, session_id from delegates where session_id = ?")) {
                ps.setLong(1, Long.parseLong(session));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) INVITATIONS.put(rs.getString(1), new Delegate(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        db.setAutoCommit(false);
        Thread writer = new Thread(() -> write(db), "limit-writer");
        writer.setDaemon(true);
        writer.start();
        LimitServer.serve(port, Handler::new);
        System.out.println("check-in limit server on " + port + ", " + INVITATIONS.size() + " invitations");
    }

    static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
            Delegate delegate = auth != null && auth.startsWith("Invitation ")
                    ? INVITATIONS.get(InvitationTokens.hash(auth.substring("Invitation ".length())))
                    : null;
            if (delegate == null) {
                answer(ctx, HttpResponseStatus.UNAUTHORIZED, "{\"status\":401}");
                return;
            }
            QUEUE.add(new Pending(delegate, ctx));
        }
    }

    static void answer(ChannelHandlerContext ctx, HttpResponseStatus status, String body) {
        FullHttpResponse res = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
        ctx.writeAndFlush(res);
    }

    /** The group commit: whatever is queued, up to 1,000, in one transaction; answers after the commit. */
    static void write(Connection db) {
        List<Pending> batch = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "insert ignore into bench_limit_check_ins (delegate_id, session_id, checked_in_at) values (?, ?, ?)")) {
            while (true) {
                batch.add(QUEUE.take());
                QUEUE.drainTo(batch, 999);
                Timestamp now = Timestamp.from(Instant.now());
                for (Pending p : batch) {
                    ps.setLong(1, p.delegate().id());
                    ps.setLong(2, p.delegate().sessionId());
                    ps.setTimestamp(3, now);
                    ps.addBatch();
                }
                ps.executeBatch();
                db.commit();
                String body = "{\"status\":\"PRESENT\",\"at\":\"" + now.toInstant() + "\"}";
                for (Pending p : batch) p.ctx().executor().execute(() -> answer(p.ctx(), HttpResponseStatus.OK, body));
                batch.clear();
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}

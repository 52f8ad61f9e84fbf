package vn.diemcau.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diemcau.common.Messages;
import vn.diemcau.common.ProblemException;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.security.InvitationAuthenticationMechanism;
import vn.diemcau.security.InvitationDirectory;
import vn.diemcau.security.InvitationTokens;
import vn.diemcau.security.Roles;

/**
 * The live endpoint of a session. The upgrade is authenticated like any request (bearer token,
 * the browser's session cookie, or the participant's invitation cookie/header; 401 without);
 * a caller who may not read the session is closed at once with 4403. Opening and whatever reaches
 * the database run on worker threads; votes on a poll held in memory are checked and queued on the
 * socket's event loop. Sending never happens in a transaction.
 */
@WebSocket(path = "/live/sessions/{sessionId}")
@RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER, Roles.PARTICIPANT})
public class LiveSocket {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LiveSocket.class);
    static final int CLOSE_FORBIDDEN = 4403;
    static final int CLOSE_NOT_FOUND = 4404;
    /** The credentials the socket was opened with are no longer valid (token expired, invitation revoked). */
    static final int CLOSE_UNAUTHENTICATED = 4401;
    /** Quarkus closes a socket itself (1008) when the identity expires; ours comes this much earlier. */
    private static final long EXPIRY_MARGIN_MS = 1000;

    @Inject
    LiveHub hub;

    @Inject
    LiveService live;

    @Inject
    LiveConfig config;

    /** Whether clients may negotiate permessage-deflate here (see application.properties: off by default). */
    @ConfigProperty(name = "quarkus.websockets-next.server.per-message-compression-supported", defaultValue = "true")
    boolean compression;

    @Inject
    Access access;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

    @Inject
    SecurityIdentity identity;

    @Inject
    Instance<InvitationDirectory> invitations;

    @Inject
    Vertx vertx;

    private final Map<String, LiveConnection> open = new ConcurrentHashMap<>();

    // The connection comes as a parameter, not injected: the injected one is a proxy bound to the
    // callback's context, and the hub writes to it later from other threads.
    @OnOpen
    @ActivateRequestContext
    public void onOpen(WebSocketConnection connection) {
        Long sessionId = number(connection.pathParam("sessionId"));
        if (sessionId == null) {
            connection.closeAndAwait(new CloseReason(CLOSE_NOT_FOUND, "no such session"));
            return;
        }
        if (!access.canRead(sessionId)) {
            connection.closeAndAwait(new CloseReason(CLOSE_FORBIDDEN, "forbidden"));
            return;
        }
        LiveConnection c = new LiveConnection(
                connection,
                sessionId,
                locale(connection),
                config.sendQueue(),
                expiresAt(identity),
                new LiveConnection.Caller(
                        user.name(),
                        identity.hasRole(Roles.PARTICIPANT) ? invitationHash(connection) : null,
                        user.invitee().orElse(null)),
                !user.isParticipant(),
                consolePoints(sessionId),
                compression);
        open.put(connection.id(), c);
        // everything needed of the upgrade request has been read
        Handshake.shed(connection);
        if (c.expiresAt != Long.MAX_VALUE) {
            long delay = Math.max(1, c.expiresAt - EXPIRY_MARGIN_MS - System.currentTimeMillis());
            vertx.setTimer(delay, t -> expire(c));
        }
        try {
            hub.join(c, number(queryParam(connection, "lastSeq")), seq -> live.snapshot(sessionId, seq));
        } catch (ProblemException p) {
            drop(c);
            int code = p.status() == 404 ? CLOSE_NOT_FOUND : CLOSE_FORBIDDEN;
            connection.closeAndAwait(new CloseReason(code, p.code()));
        }
    }

    /**
     * Runs on the socket's event loop (websockets-next activates a request context for it until the
     * returned Uni completes). A vote on a poll held in memory is checked and queued for its batch
     * right here: votes come in thousands at once, and the hand-over to a worker and back was a
     * quarter of what each cost. Everything else, which reaches the database, runs on a worker in the
     * same context.
     */
    @OnTextMessage
    public Uni<Void> onMessage(String text, WebSocketConnection connection) {
        LiveConnection c = open.get(connection.id());
        if (c == null) return Uni.createFrom().voidItem();
        if (c.expiresAt - EXPIRY_MARGIN_MS <= System.currentTimeMillis()) {
            expire(c);
            return Uni.createFrom().voidItem();
        }
        ClientMessage m;
        try {
            m = json.readValue(text, ClientMessage.class);
        } catch (JsonProcessingException e) {
            reject(c, null, ProblemException.badRequest("live.bad-message"));
            return Uni.createFrom().voidItem();
        }
        if (m instanceof ClientMessage.Vote v) {
            CompletionStage<Outcome> fromMemory = live.voteFromMemory(c.sessionId, c.caller, v);
            if (fromMemory != null) {
                answer(c, v, fromMemory);
                return Uni.createFrom().voidItem();
            }
        }
        // websockets-next calls this on the connection's own Vert.x context
        return Uni.createFrom()
                .completionStage(Vertx.currentContext()
                        .executeBlocking(
                                () -> {
                                    handle(c, m);
                                    return null;
                                },
                                false)
                        .toCompletionStage())
                .replaceWithVoid();
    }

    /** A message that may reach the database: on a worker thread. */
    private void handle(LiveConnection c, ClientMessage m) {
        if (m instanceof ClientMessage.Resume r) {
            hub.join(c, r.lastSeq(), seq -> live.snapshot(c.sessionId, seq));
        } else if (m instanceof ClientMessage.Heartbeat h) {
            try {
                live.heartbeat(c.sessionId, h.pointId());
            } catch (ProblemException p) {
                reject(c, null, p);
            } catch (RuntimeException e) {
                // A heartbeat racing the sweeper on the same point loses the optimistic lock. The next
                // one will do; an exception escaping here would close the operator's socket.
                LOG.debugf("live: heartbeat of point %d not stored: %s", h.pointId(), e);
            }
        } else if (m instanceof ClientMessage.Command command) {
            // a vote's answer comes once its batch commits; no worker waits for it meanwhile
            answer(c, command, live.executeAsync(c.sessionId, command));
        }
    }

    private void answer(LiveConnection c, ClientMessage.Command command, CompletionStage<Outcome> outcome) {
        outcome.exceptionally(e -> {
                    // never silent: the client hears that it may resend (the command id makes that safe)
                    LOG.errorf(e, "live: command %s of session %d failed", command.commandId(), c.sessionId);
                    return Outcome.of(new ProblemException(503, "server.slow", 1));
                })
                .thenAccept(o -> c.reply(LiveJson.text(json, o.answer(command.commandId(), c.locale))));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        LiveConnection c = open.get(connection.id());
        if (c != null) drop(c);
    }

    private void drop(LiveConnection c) {
        open.remove(c.ws.id());
        hub.leave(c);
    }

    /**
     * Long-open sockets are checked again on a timer: a participant whose invitation was revoked
     * (or replaced) is closed with 4401, so is a staff socket whose token ran out and that the
     * per-connection timer has not closed yet. One read of all the phones' invitations per round.
     */
    @Scheduled(
            identity = "live-recheck",
            every = "${diemcau.live.recheck-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recheck() {
        recheck(Instant.now());
    }

    void recheck(Instant now) {
        List<LiveConnection> all = List.copyOf(open.values());
        Set<String> hashes = new HashSet<>();
        for (LiveConnection c : all) {
            String hash = c.caller.invitationHash();
            if (!c.closing() && hash != null) hashes.add(hash);
        }
        // one read for every phone's invitation (in chunks), not one per phone
        Map<String, Long> current = hashes.isEmpty() || !invitations.isResolvable()
                ? Map.of()
                : QuarkusTransaction.requiringNew().call(() -> invitations.get().sessionsOf(hashes));
        for (LiveConnection c : all) {
            if (c.closing()) continue;
            String hash = c.caller.invitationHash();
            if (c.expiresAt <= now.toEpochMilli()
                    || (hash != null && !Long.valueOf(c.sessionId).equals(current.get(hash)))) expire(c);
        }
    }

    private static void expire(LiveConnection c) {
        c.close(CLOSE_UNAUTHENTICATED, "credentials expired or revoked: sign in again");
    }

    /**
     * An operator's console (neither organizer nor observer) follows the points it runs, as assigned
     * when it opened (sorted); null for everyone else. A console opened for a newly assigned point
     * opens its own socket.
     */
    private long[] consolePoints(long sessionId) {
        Set<Long> mine = access.consolePoints(sessionId);
        return mine == null
                ? null
                : mine.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The identity's expiry as OIDC reports it ({@code quarkus.identity.expire-time}, in seconds). */
    private static long expiresAt(SecurityIdentity identity) {
        Object exp = identity.getAttribute("quarkus.identity.expire-time");
        return exp instanceof Number n ? n.longValue() * 1000 : Long.MAX_VALUE;
    }

    /** The invitation token the upgrade carried (header or cookie), as stored: hashed. */
    private static String invitationHash(WebSocketConnection connection) {
        String token = null;
        String auth = connection.handshakeRequest().header("Authorization");
        String scheme = InvitationAuthenticationMechanism.SCHEME + " ";
        if (auth != null && auth.regionMatches(true, 0, scheme, 0, scheme.length())) {
            token = auth.substring(scheme.length()).strip();
        } else {
            String cookies = connection.handshakeRequest().header("Cookie");
            if (cookies != null) {
                for (String part : cookies.split(";")) {
                    String p = part.strip();
                    if (p.startsWith(InvitationAuthenticationMechanism.COOKIE + "=")) {
                        token = p.substring(InvitationAuthenticationMechanism.COOKIE.length() + 1);
                    }
                }
            }
        }
        return token == null ? "" : InvitationTokens.hash(token);
    }

    private void reject(LiveConnection c, String commandId, ProblemException p) {
        c.reply(LiveJson.text(json, Outcome.of(p).answer(commandId, c.locale)));
    }

    private static Locale locale(WebSocketConnection connection) {
        return Messages.pick(connection.handshakeRequest().header("Accept-Language"));
    }

    private static String queryParam(WebSocketConnection connection, String name) {
        String q = connection.handshakeRequest().query();
        if (q == null) return null;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) return pair.substring(eq + 1);
        }
        return null;
    }

    private static Long number(String s) {
        if (s == null) return null;
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

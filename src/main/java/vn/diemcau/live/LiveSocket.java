package vn.diemcau.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import vn.diemcau.common.Messages;
import vn.diemcau.common.ProblemException;
import vn.diemcau.security.Access;
import vn.diemcau.security.InvitationAuthenticationMechanism;
import vn.diemcau.security.InvitationDirectory;
import vn.diemcau.security.InvitationTokens;
import vn.diemcau.security.Roles;

/**
 * The live endpoint of a session, {@code /live/sessions/{id}}. The upgrade is authenticated like any
 * request (bearer token, the browser's session cookie, or the participant's invitation cookie/header;
 * 401 without); a caller who may not read the session is closed at once with 4403.
 *
 * <p>A plain Vert.x WebSocket on the HTTP router, not a websockets-next endpoint: an idle connection
 * keeps only its {@link LiveConnection} and the socket (no upgrade request, request scope or
 * context-propagation wrappers per connection, which took two thirds of its memory). Work that
 * reaches the database (the access check, snapshots, commands, heartbeats) runs on worker threads,
 * one task of a connection at a time in the order its messages came, each in a request context of
 * its own that carries the caller's identity. Sending never happens in a transaction.
 */
@ApplicationScoped
public class LiveSocket {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LiveSocket.class);
    static final String PATH = "/live/sessions/";
    static final int CLOSE_FORBIDDEN = 4403;
    static final int CLOSE_NOT_FOUND = 4404;
    /** The credentials the socket was opened with are no longer valid (token expired, invitation revoked). */
    static final int CLOSE_UNAUTHENTICATED = 4401;
    /** The per-connection timer closes a socket this much before its identity expires. */
    private static final long EXPIRY_MARGIN_MS = 1000;

    private static final Set<String> ROLES = Set.of(Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER, Roles.PARTICIPANT);

    @Inject
    LiveHub hub;

    @Inject
    LiveService live;

    @Inject
    LiveConfig config;

    @Inject
    Access access;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    Instance<InvitationDirectory> invitations;

    @Inject
    Vertx vertx;

    private final Set<LiveConnection> open = ConcurrentHashMap.newKeySet();

    void route(@Observes Router router) {
        router.route(HttpMethod.GET, PATH + ":sessionId").handler(this::upgrade);
    }

    /** Authenticates the upgrade (on the event loop, as any request), then turns it into a socket. */
    private void upgrade(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            rc.next();
            return;
        }
        if (!LiveSubprotocols.propagateHeaders(rc)) return;
        QuarkusHttpUser.getSecurityIdentity(rc, null)
                .subscribe()
                .with(
                        identity -> {
                            if (identity == null || identity.isAnonymous()) {
                                rc.response().setStatusCode(401).end();
                            } else if (identity.getRoles().stream().noneMatch(ROLES::contains)) {
                                rc.response().setStatusCode(403).end();
                            } else {
                                accept(rc, identity);
                            }
                        },
                        failure -> {
                            // Failed authentication has failed the routing context already (its handler answers 401).
                            if (!rc.failed() && !rc.response().ended()) rc.fail(401, failure);
                        });
    }

    private void accept(RoutingContext rc, SecurityIdentity identity) {
        HttpServerRequest request = rc.request();
        // Everything the connection needs from the handshake is read now: nothing keeps the request.
        Long sessionId = number(rc.pathParam("sessionId"));
        Long lastSeq = number(request.getParam("lastSeq"));
        Locale locale = locale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String invitationHash = identity.hasRole(Roles.PARTICIPANT) ? invitationHash(request) : null;
        long expiresAt = expiresAt(identity);
        Context context = vertx.getOrCreateContext();
        request.toWebSocket().onSuccess(ws -> {
            // The handshake headers stay with the socket otherwise (tokens, cookies): nobody reads them again.
            ws.headers().clear();
            LiveConnection c = new LiveConnection(
                    ws,
                    sessionId == null ? 0 : sessionId,
                    locale,
                    config.sendQueue(),
                    expiresAt,
                    invitationHash,
                    !identity.hasRole(Roles.PARTICIPANT),
                    identity,
                    workers(context));
            ws.textMessageHandler(text -> c.serially(() -> onMessage(c, text)));
            ws.closeHandler(v -> c.serially(() -> drop(c)));
            ws.exceptionHandler(e -> LOG.debugf("live: socket of session %d: %s", c.sessionId, e));
            c.serially(() -> onOpen(c, sessionId, lastSeq));
        });
    }

    /** Runs a connection's tasks on the worker pool (the Quarkus executor) from its Vert.x context. */
    private static Executor workers(Context context) {
        return task -> context.executeBlocking(
                () -> {
                    task.run();
                    return null;
                },
                false);
    }

    private void onOpen(LiveConnection c, Long sessionId, Long lastSeq) {
        if (sessionId == null) {
            c.close(CLOSE_NOT_FOUND, "no such session");
            return;
        }
        asCaller(c, () -> {
            if (!access.canRead(sessionId)) {
                c.close(CLOSE_FORBIDDEN, "forbidden");
                return;
            }
            open.add(c);
            if (c.expiresAt != Long.MAX_VALUE) {
                long delay = Math.max(1, c.expiresAt - EXPIRY_MARGIN_MS - System.currentTimeMillis());
                vertx.setTimer(delay, t -> expire(c));
            }
            try {
                hub.join(c, lastSeq, seq -> live.snapshot(sessionId, seq));
            } catch (ProblemException p) {
                drop(c);
                c.close(p.status() == 404 ? CLOSE_NOT_FOUND : CLOSE_FORBIDDEN, p.code());
            }
        });
    }

    private void onMessage(LiveConnection c, String text) {
        if (c.closing() || !open.contains(c)) return;
        if (c.expiresAt - EXPIRY_MARGIN_MS <= System.currentTimeMillis()) {
            expire(c);
            return;
        }
        ClientMessage m;
        try {
            m = json.readValue(text, ClientMessage.class);
        } catch (JsonProcessingException e) {
            reject(c, null, ProblemException.badRequest("live.bad-message"));
            return;
        }
        asCaller(c, () -> handle(c, m));
    }

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
            live.executeAsync(c.sessionId, command)
                    .exceptionally(e -> {
                        // never silent: the client hears that it may resend (the command id makes that safe)
                        LOG.errorf(e, "live: command %s of session %d failed", command.commandId(), c.sessionId);
                        return Outcome.of(new ProblemException(503, "server.slow", 1));
                    })
                    .thenAccept(o -> c.reply(LiveJson.text(json, o.answer(command.commandId(), c.locale))));
        }
    }

    /** Runs {@code work} in a request context of its own, as the connection's caller. */
    private void asCaller(LiveConnection c, Runnable work) {
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            identities.setIdentity(c.identity);
            work.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "live: connection of session %d failed", c.sessionId);
            c.close(1011, "server error");
        } finally {
            requests.terminate();
        }
    }

    private void drop(LiveConnection c) {
        if (open.remove(c)) hub.leave(c);
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
        List<LiveConnection> all = List.copyOf(open);
        Set<String> hashes = new HashSet<>();
        for (LiveConnection c : all) if (!c.closing() && c.invitationHash != null) hashes.add(c.invitationHash);
        // one read for every phone's invitation (in chunks), not one per phone
        Map<String, Long> current = hashes.isEmpty() || !invitations.isResolvable()
                ? Map.of()
                : QuarkusTransaction.requiringNew().call(() -> invitations.get().sessionsOf(hashes));
        for (LiveConnection c : all) {
            if (c.closing()) continue;
            if (c.expiresAt <= now.toEpochMilli()
                    || (c.invitationHash != null && !Long.valueOf(c.sessionId).equals(current.get(c.invitationHash))))
                expire(c);
        }
    }

    private static void expire(LiveConnection c) {
        c.close(CLOSE_UNAUTHENTICATED, "credentials expired or revoked: sign in again");
    }

    /** The identity's expiry as OIDC reports it ({@code quarkus.identity.expire-time}, in seconds). */
    private static long expiresAt(SecurityIdentity identity) {
        Object exp = identity.getAttribute("quarkus.identity.expire-time");
        return exp instanceof Number n ? n.longValue() * 1000 : Long.MAX_VALUE;
    }

    /** The invitation token the upgrade carried (header or cookie), as stored: hashed. */
    private static String invitationHash(HttpServerRequest request) {
        String token = null;
        String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
        String scheme = InvitationAuthenticationMechanism.SCHEME + " ";
        if (auth != null && auth.regionMatches(true, 0, scheme, 0, scheme.length())) {
            token = auth.substring(scheme.length()).strip();
        } else {
            io.vertx.core.http.Cookie cookie = request.getCookie(InvitationAuthenticationMechanism.COOKIE);
            if (cookie != null) token = cookie.getValue();
        }
        return token == null ? "" : InvitationTokens.hash(token);
    }

    private void reject(LiveConnection c, String commandId, ProblemException p) {
        c.reply(LiveJson.text(json, Outcome.of(p).answer(commandId, c.locale)));
    }

    private static Locale locale(String header) {
        if (header == null || header.isBlank()) return Messages.VI;
        try {
            return Messages.pick(Locale.LanguageRange.parse(header).stream()
                    .map(r -> Locale.forLanguageTag(r.getRange()))
                    .toList());
        } catch (IllegalArgumentException e) {
            return Messages.VI;
        }
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

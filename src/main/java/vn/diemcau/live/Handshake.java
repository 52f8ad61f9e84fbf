package vn.diemcau.live;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What an open socket no longer needs of its upgrade request. websockets-next keeps the whole
 * upgrade for the life of the connection: the routing context (with the request, its headers, the
 * 101 response and the deferred-identity chain the HTTP layer built to authenticate it) and its own
 * copy of the headers. With 20,000 phones that is most of what an idle connection weighs.
 * {@link LiveSocket#onOpen} reads what it needs of the handshake first (path, query, the
 * invitation, the language, the extensions) and then sheds the rest, and the request context its
 * open callback ran in once that has ended. The resolved identity stays:
 * websockets-next checks it, and closes the socket when it expires, from its own field.
 */
final class Handshake {
    /** Long after the open callback has returned (it only reads and queues). */
    private static final long STALE_AFTER_MS = 1000;

    private static final String UPGRADE_KEPT = "the upgrade's routing context is kept with each socket";
    private static final String HEADERS_KEPT =
            "websockets-next's copy of the upgrade's headers is kept with each socket";
    private static final Field CONNECTION_SECURITY =
            inWebSocketsNext("WebSocketConnectionImpl.securitySupport", UPGRADE_KEPT);
    private static final Field ROUTING_CONTEXT = inWebSocketsNext("SecuritySupport.routingContext", UPGRADE_KEPT);
    private static final Field REQUEST = inWebSocketsNext("WebSocketConnectionBase.handshakeRequest", HEADERS_KEPT);
    private static final Field REQUEST_HEADERS =
            inWebSocketsNext("WebSocketConnectionImpl$HandshakeRequestImpl.headers", HEADERS_KEPT);

    private static final LongAdder DROPPED = new LongAdder();

    private Handshake() {}

    /** Dead request contexts removed from connections so far. */
    static long droppedRequestContexts() {
        return DROPPED.sum();
    }

    /**
     * Drops the upgrade's headers (both copies), the deferred identity and the routing context from
     * the connection, and (a second later) the open callback's dead request context; afterwards
     * {@code connection.handshakeRequest().header(…)} answers null. Whatever cannot be reached in
     * this version of the libraries is left as it is.
     */
    static void shed(WebSocketConnection connection) {
        dropRequestContextLater();
        Object security = Internals.read(CONNECTION_SECURITY, connection);
        if (Internals.read(ROUTING_CONTEXT, security) instanceof RoutingContext rc) {
            rc.remove(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
            clear(rc.request().headers());
            clear(rc.response().headers());
            // websockets-next reads it again only to fall back on the deferred identity (never: the
            // identity was resolved at the upgrade) or to swap the identity for a new token (a feature
            // this endpoint does not use); without it the whole upgrade request can go
            try {
                ROUTING_CONTEXT.set(security, null);
            } catch (IllegalAccessException | RuntimeException e) {
                // kept: the headers and the deferred identity are gone all the same
            }
        }
        Object request = Internals.read(REQUEST, connection);
        if (Internals.read(REQUEST_HEADERS, request) instanceof Map<?, ?>) {
            try {
                // a read-only copy: replaced by an empty one
                REQUEST_HEADERS.set(request, Map.of());
            } catch (IllegalAccessException | RuntimeException e) {
                // kept
            }
        }
    }

    /**
     * websockets-next runs each callback in a request context of its own and terminates it
     * afterwards, but the terminated context's state stays in the connection's Vert.x context (its
     * local data) for as long as the socket is open: every bean instance slot and lock of the
     * request scope, once per connection. A moment after the open callback has ended, that dead state
     * is removed; a live one (a callback still running then) is looked at again a second later, for
     * at most {@link #STALE_TRIES} seconds. A later callback leaves its own
     * dead state in the same place until the next one replaces it: at most one per connection that
     * has sent something, none for the silent majority.
     */
    private static void dropRequestContextLater() {
        if (!(Vertx.currentContext() instanceof ContextInternal context)) return;
        InjectableContext.ContextState state = Arc.container().requestContext().getStateIfActive();
        if (state == null) return;
        drop(context, state, STALE_TRIES);
    }

    /** Looks again this often for a context still live (an open callback slowed by a busy machine). */
    private static final int STALE_TRIES = 30;

    private static void drop(ContextInternal context, InjectableContext.ContextState state, int tries) {
        context.owner().setTimer(STALE_AFTER_MS, t -> {
            if (state.isValid()) {
                if (tries > 1) drop(context, state, tries - 1);
                return;
            }
            if (context.localContextData().entrySet().removeIf(e -> e.getValue() == state)) DROPPED.increment();
        });
    }

    /** A field of websockets-next's runtime, named {@code Class.field}. */
    private static Field inWebSocketsNext(String member, String otherwise) {
        int dot = member.lastIndexOf('.');
        return Internals.field(
                "io.quarkus.websockets.next.runtime." + member.substring(0, dot), member.substring(dot + 1), otherwise);
    }

    private static void clear(io.vertx.core.MultiMap headers) {
        try {
            headers.clear();
        } catch (UnsupportedOperationException | IllegalStateException readOnly) {
            // read-only in another version: kept
        }
    }
}

package vn.diemcau.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.diemcau.common.Messages;
import vn.diemcau.common.ProblemException;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.security.Roles;

/**
 * The live endpoint of a session. The upgrade is authenticated like any request (bearer token,
 * the browser's session cookie, or the participant's invitation cookie/header; 401 without);
 * a caller who may not read the session is closed at once with 4403. Handlers are blocking
 * (worker threads) because they reach the database; sending never happens in a transaction.
 */
@WebSocket(path = "/live/sessions/{sessionId}")
@RolesAllowed({Roles.ORGANIZER, Roles.OPERATOR, Roles.OBSERVER, Roles.PARTICIPANT})
public class LiveSocket {
    static final int CLOSE_FORBIDDEN = 4403;
    static final int CLOSE_NOT_FOUND = 4404;

    @Inject
    LiveHub hub;

    @Inject
    LiveService live;

    @Inject
    LiveConfig config;

    @Inject
    Access access;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

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
                connection, sessionId, locale(connection), config.sendQueue(), !user.isParticipant());
        open.put(connection.id(), c);
        try {
            hub.join(c, number(queryParam(connection, "lastSeq")), () -> live.snapshot(sessionId));
        } catch (ProblemException p) {
            drop(c);
            int code = p.status() == 404 ? CLOSE_NOT_FOUND : CLOSE_FORBIDDEN;
            connection.closeAndAwait(new CloseReason(code, p.code()));
        }
    }

    @OnTextMessage
    @ActivateRequestContext
    public void onMessage(String text, WebSocketConnection connection) {
        LiveConnection c = open.get(connection.id());
        if (c == null) return;
        ClientMessage m;
        try {
            m = json.readValue(text, ClientMessage.class);
        } catch (JsonProcessingException e) {
            reject(c, null, ProblemException.badRequest("live.bad-message"));
            return;
        }
        if (m instanceof ClientMessage.Resume r) {
            hub.join(c, r.lastSeq(), () -> live.snapshot(c.sessionId));
        } else if (m instanceof ClientMessage.Heartbeat h) {
            try {
                live.heartbeat(c.sessionId, h.pointId());
            } catch (ProblemException p) {
                reject(c, null, p);
            }
        } else if (m instanceof ClientMessage.Command command) {
            Outcome o = live.execute(c.sessionId, command);
            c.reply(LiveJson.text(json, o.answer(command.commandId(), c.locale)));
        }
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

    private void reject(LiveConnection c, String commandId, ProblemException p) {
        c.reply(LiveJson.text(json, Outcome.of(p).answer(commandId, c.locale)));
    }

    private static Locale locale(WebSocketConnection connection) {
        String header = connection.handshakeRequest().header("Accept-Language");
        if (header == null || header.isBlank()) return Messages.VI;
        try {
            return Messages.pick(Locale.LanguageRange.parse(header).stream()
                    .map(r -> Locale.forLanguageTag(r.getRange()))
                    .toList());
        } catch (IllegalArgumentException e) {
            return Messages.VI;
        }
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

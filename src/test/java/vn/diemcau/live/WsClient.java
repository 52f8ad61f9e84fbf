package vn.diemcau.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import vn.diemcau.testing.Tokens;

/** A real WebSocket client of the live endpoint that records every frame it gets. */
final class WsClient implements AutoCloseable {
    final List<JsonObject> received = new CopyOnWriteArrayList<>();
    final WebSocket ws;
    private final WebSocketClient client;
    volatile Short closeCode;
    volatile String closeReason;
    private final String extensions;

    private WsClient(WebSocketClient client, WebSocket ws) {
        this.client = client;
        this.ws = ws;
        // the upgrade's headers are there only while the socket is first handed over
        this.extensions = ws.headers() == null ? null : ws.headers().get("Sec-WebSocket-Extensions");
        ws.textMessageHandler(t -> received.add(new JsonObject(t)));
        ws.closeHandler(v -> {
            closeCode = ws.closeStatusCode();
            closeReason = ws.closeReason();
        });
    }

    /** Connects as {@code user} (bearer token on the upgrade); {@code query} may be null. */
    static WsClient connect(Vertx vertx, URL base, long sessionId, String user, String query) {
        return connect(vertx, base, sessionId, Map.of("Authorization", "Bearer " + Tokens.of(user)), query);
    }

    static WsClient connect(Vertx vertx, URL base, long sessionId, Map<String, String> headers, String query) {
        return connect(vertx, base, sessionId, headers, query, List.of());
    }

    static WsClient connect(
            Vertx vertx,
            URL base,
            long sessionId,
            Map<String, String> headers,
            String query,
            List<String> subprotocols) {
        return connect(vertx.createWebSocketClient(), base, sessionId, headers, query, subprotocols);
    }

    /**
     * Connects as {@code user} with a small receive buffer (8 KB): once it stops reading, the server
     * soon has more for it than its socket takes, as with a phone on a poor link.
     */
    static WsClient connectWithSmallBuffer(Vertx vertx, URL base, long sessionId, String user) {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setReceiveBufferSize(8192));
        return connect(client, base, sessionId, Map.of("Authorization", "Bearer " + Tokens.of(user)), null, List.of());
    }

    /** Connects as {@code user} offering permessage-deflate, as browsers do. */
    static WsClient connectOfferingDeflate(Vertx vertx, URL base, long sessionId, String user) {
        WebSocketClient client =
                vertx.createWebSocketClient(new WebSocketClientOptions().setTryUsePerMessageCompression(true));
        return connect(client, base, sessionId, Map.of("Authorization", "Bearer " + Tokens.of(user)), null, List.of());
    }

    /** The extensions the server agreed to on the upgrade (null: none). */
    String extensions() {
        return extensions;
    }

    private static WsClient connect(
            WebSocketClient client,
            URL base,
            long sessionId,
            Map<String, String> headers,
            String query,
            List<String> subprotocols) {
        WebSocketConnectOptions o = new WebSocketConnectOptions()
                .setHost(base.getHost())
                .setPort(base.getPort())
                .setURI("/live/sessions/" + sessionId + (query == null ? "" : "?" + query));
        headers.forEach(o::addHeader);
        subprotocols.forEach(o::addSubProtocol);
        try {
            // Handlers go on inside the connect callback, on the socket's event loop: the server sends
            // the snapshot at once, and a frame that arrives before there is a handler is lost.
            return client.connect(o)
                    .map(ws -> new WsClient(client, ws))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.close();
            throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
        }
    }

    /** The HTTP status of a refused upgrade. */
    static int refusedStatus(Vertx vertx, URL base, long sessionId, Map<String, String> headers) {
        try {
            connect(vertx, base, sessionId, headers, null).close();
            return 101;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UpgradeRejectedException r) return r.getStatus();
            throw e;
        }
    }

    void send(JsonObject m) {
        ws.writeTextMessage(m.encode());
    }

    JsonObject await(Predicate<JsonObject> p) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> received.stream().anyMatch(p));
        return received.stream().filter(p).findFirst().orElseThrow();
    }

    JsonObject awaitType(String type) {
        return await(m -> type.equals(m.getString("type")));
    }

    JsonObject awaitAnswer(String commandId) {
        return await(m -> commandId.equals(m.getString("commandId")));
    }

    List<JsonObject> ofType(String type) {
        return received.stream().filter(m -> type.equals(m.getString("type"))).toList();
    }

    /** Stream events (with seq), in the order received. */
    List<JsonObject> events() {
        return received.stream()
                .filter(m -> m.containsKey("seq") && !"live.snapshot".equals(m.getString("type")))
                .toList();
    }

    long lastSeq() {
        return received.stream()
                .filter(m -> m.containsKey("seq"))
                .mapToLong(m -> m.getLong("seq"))
                .max()
                .orElseThrow();
    }

    @Override
    public void close() {
        if (!ws.isClosed()) ws.close();
        client.close();
    }

    static JsonObject command(String type, String commandId, Object... kv) {
        JsonObject o = new JsonObject().put("type", type).put("commandId", commandId);
        for (int i = 0; i < kv.length; i += 2) o.put((String) kv[i], kv[i + 1]);
        return o;
    }
}

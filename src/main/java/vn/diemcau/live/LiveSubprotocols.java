package vn.diemcau.live;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Clients that cannot set headers on the upgrade (a browser app with a token of its own) may offer
 * the subprotocol {@value #CARRIER} together with {@code quarkus-http-upgrade#Authorization#Bearer%20<token>}:
 * the second becomes the request header before authentication, the first is the one agreed on (as
 * websockets-next did with {@code propagate-subprotocol-headers}). The browser frontend uses
 * cookies and offers no subprotocol.
 */
@ApplicationScoped
class LiveSubprotocols implements HttpServerOptionsCustomizer {
    static final String CARRIER = "bearer-token-carrier";
    private static final String HEADER_PREFIX = "quarkus-http-upgrade#";
    private static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.addWebSocketSubProtocol(CARRIER);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.addWebSocketSubProtocol(CARRIER);
    }

    /**
     * Moves the headers carried as subprotocols into the request; false (and a 400 answered) when one
     * is malformed or no real subprotocol remains to agree on.
     */
    static boolean propagateHeaders(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String offered = request.getHeader(SEC_WEBSOCKET_PROTOCOL);
        if (offered == null || !offered.contains(HEADER_PREFIX)) return true;
        StringBuilder others = new StringBuilder();
        for (String p : offered.split(",")) {
            String protocol = p.strip();
            if (protocol.startsWith(HEADER_PREFIX)) {
                String[] nameValue = URLDecoder.decode(protocol, StandardCharsets.UTF_8)
                        .substring(HEADER_PREFIX.length())
                        .split("#", 2);
                if (nameValue.length != 2 || nameValue[0].isBlank()) {
                    rc.response().setStatusCode(400).end("expected quarkus-http-upgrade#<header-name>#<header-value>");
                    return false;
                }
                request.headers().set(nameValue[0], nameValue[1]);
            } else {
                if (!others.isEmpty()) others.append(',');
                others.append(protocol);
            }
        }
        if (others.isEmpty()) {
            rc.response().setStatusCode(400).end("offer the subprotocol " + CARRIER + " with the header-carrying one");
            return false;
        }
        request.headers().set(SEC_WEBSOCKET_PROTOCOL, others.toString());
        return true;
    }
}

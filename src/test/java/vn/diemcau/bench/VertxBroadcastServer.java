package vn.diemcau.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * A plain Vert.x broadcast server, written the way the Vert.x docs suggest: one verticle per core
 * sharing the port, each keeping its own sockets; a broadcast goes over the (local) event bus to
 * every verticle, which writes the text to each of its sockets.
 */
public final class VertxBroadcastServer extends AbstractVerticle {
    private final Set<ServerWebSocket> sockets = new HashSet<>();

    @Override
    public void start() {
        int port = config().getInteger("port");
        vertx.eventBus().<String>localConsumer("broadcast", m -> {
            for (ServerWebSocket ws : sockets) ws.writeTextMessage(m.body());
        });
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setAcceptBacklog(4096))
                .webSocketHandler(ws -> {
                    sockets.add(ws);
                    ws.closeHandler(v -> sockets.remove(ws));
                })
                .requestHandler(req -> req.body().onSuccess(b -> {
                    vertx.eventBus().publish("broadcast", b.toString());
                    req.response().setStatusCode(204).end();
                }))
                .listen(port);
    }

    public static void main(String[] args) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        vertx.deployVerticle(
                VertxBroadcastServer.class.getName(),
                new DeploymentOptions()
                        .setInstances(2)
                        .setConfig(new io.vertx.core.json.JsonObject().put("port", Integer.parseInt(args[0]))));
        System.out.println("vertx server on " + args[0]);
    }
}

package vn.diemcau.live;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A refused upgrade with a bad token is answered twice: the WebSocket security check writes the
 * 401 itself, and the failed (deferred, non-proactive) authentication also fails the routing
 * context, whose REST failure handler then tries to write a problem response onto the finished
 * one and logs "Response has already been written". On the live path, a failure that arrives after
 * the response is out has nothing left to say: it stops here.
 */
@ApplicationScoped
class LiveUpgradeFailures {
    void init(@Observes Router router) {
        router.route("/live/*").order(Integer.MIN_VALUE).failureHandler(rc -> {
            if (rc.response().ended() || rc.response().headWritten()) return;
            rc.next();
        });
    }
}

package vn.diemcau.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Answers of the routes that serve a crowd's commonest request on the event loop, ahead of REST and
 * of Quarkus's HTTP authentication (a check-in tap, a document download): what they do not know
 * goes on to the REST resource, whose full path decides; what they refuse is the same problem JSON,
 * in the client's language, as {@link ProblemMapper} writes.
 */
@ApplicationScoped
public class RouteAnswers {
    /** Just ahead of Quarkus's HTTP authentication filter (priority 200, installed at order -200). */
    public static final int BEFORE_AUTHENTICATION = -201;

    private static final Logger LOG = Logger.getLogger(RouteAnswers.class);

    @Inject
    ObjectMapper json;

    /** Resolved once (a mapper looks the writer up on every call). */
    private ObjectWriter problemJson;

    @PostConstruct
    void writers() {
        problemJson = json.writerFor(Problem.class);
    }

    /** The refusal as problem JSON; anything but a {@link ProblemException} is logged and answered 500. */
    public void refuse(RoutingContext rc, String instance, Throwable failure) {
        Throwable cause = failure instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : failure;
        Locale l = Messages.pick(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemException p;
        if (cause instanceof ProblemException known) {
            p = known;
        } else {
            LOG.errorf(cause, "Unexpected failure on %s", instance);
            p = new ProblemException(500, "internal");
        }
        Problem body = ProblemMapper.of(p, l, instance);
        answer(rc, p.status(), Problem.MEDIA_TYPE, problemJson, body, l);
    }

    /**
     * Writes the body; nothing when the client went away meanwhile (what was asked for stands).
     * {@code language}: the Content-Language, if any.
     */
    public void answer(RoutingContext rc, int status, String type, ObjectWriter writer, Object body, Locale language) {
        HttpServerResponse r = rc.response();
        if (r.ended() || r.closed()) return;
        Buffer bytes;
        try {
            bytes = Buffer.buffer(writer.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            rc.fail(e);
            return;
        }
        r.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type);
        if (language != null) r.putHeader("Content-Language", language.getLanguage());
        // backpressure, as the REST mapper says it: when to try again
        if (status == 503) r.putHeader("Retry-After", "1");
        r.end(bytes);
    }
}

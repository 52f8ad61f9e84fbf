package vn.diemcau.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into RFC 9457 problem JSON in the client's language (vi unless en is asked). */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale l = Messages.pick(headers.getAcceptableLanguages());
        Response r = response(of(e, l, uri == null ? null : uri.getPath()), l);
        // 503 is backpressure (a full write queue): tell clients when to try again.
        return e.status() == 503
                ? Response.fromResponse(r).header("Retry-After", "1").build()
                : r;
    }

    /** The problem an application failure shows, in {@code l}; the same on every route that answers it. */
    public static Problem of(ProblemException e, Locale l, String instance) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(fe -> new Problem.FieldError(fe.field(), Messages.text(l, fe.message())))
                .toList();
        return of(e.status(), e.code(), Messages.text(l, e.code(), e.args()), errors, l, instance);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale l = Messages.pick(headers.getAcceptableLanguages());
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .toList();
        String summary =
                errors.stream().map(fe -> fe.field() + ": " + fe.message()).collect(Collectors.joining("; "));
        return build(400, "validation", Messages.text(l, "validation", summary), errors, l, uri);
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class
    })
    public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale l = Messages.pick(headers.getAcceptableLanguages());
        String where = "";
        if (e instanceof MismatchedInputException mi && !mi.getPath().isEmpty()) {
            where = mi.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        String code = e instanceof InvalidFormatException || e instanceof MismatchedInputException
                ? "malformed-json.field"
                : "malformed-json";
        return build(400, code, Messages.text(l, code, where), List.of(), l, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return unauthorized(headers, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return unauthorized(headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        Locale l = Messages.pick(headers.getAcceptableLanguages());
        return build(403, "forbidden", Messages.text(l, "forbidden"), List.of(), l, uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response stale(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        Locale l = Messages.pick(headers.getAcceptableLanguages());
        return build(409, "stale", Messages.text(l, "stale"), List.of(), l, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException j) return unreadable(j, headers, uri);
        }
        Locale l = Messages.pick(headers.getAcceptableLanguages());
        int status = e.getResponse().getStatus();
        String code = "http." + status;
        String text = Messages.get(l, code);
        if (text == null) {
            code = "http";
            text = Messages.text(l, "http", status);
        }
        return build(status, code, text, List.of(), l, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        Locale l = Messages.pick(headers.getAcceptableLanguages());
        return build(500, "internal", Messages.text(l, "internal"), List.of(), l, uri);
    }

    private Response unauthorized(HttpHeaders headers, UriInfo uri) {
        Locale l = Messages.pick(headers.getAcceptableLanguages());
        return Response.fromResponse(
                        build(401, "unauthenticated", Messages.text(l, "unauthenticated"), List.of(), l, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    static Response build(
            int status, String code, String detail, List<Problem.FieldError> errors, Locale l, UriInfo uri) {
        return response(of(status, code, detail, errors, l, uri == null ? null : uri.getPath()), l);
    }

    private static Problem of(
            int status, String code, String detail, List<Problem.FieldError> errors, Locale l, String instance) {
        String title = Messages.text(l, "title." + status / 100 * 100);
        String specific = Messages.get(l, "title." + status);
        return new Problem(
                "urn:diemcau:problem:" + code,
                specific != null ? specific : title,
                status,
                detail,
                instance,
                code,
                errors);
    }

    private static Response response(Problem p, Locale l) {
        return Response.status(p.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, l.getLanguage())
                .entity(p)
                .build();
    }

    private static String field(ConstraintViolation<?> v) {
        // "create.request.title" → "title": the client knows the body, not our method names.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }
}

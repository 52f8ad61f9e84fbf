package vn.diemcau.common;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * A failure the user caused and can understand. The message is looked up by {@code code} in
 * messages_vi / messages_en so every client gets it in its own language.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient Object[] args;
    private final transient List<Problem.FieldError> errors;

    public ProblemException(int status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    public ProblemException(int status, String code, List<Problem.FieldError> errors, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Status.NOT_FOUND.getStatusCode(), "not-found." + what, id);
    }

    public static ProblemException badRequest(String code, Object... args) {
        return new ProblemException(Status.BAD_REQUEST.getStatusCode(), code, args);
    }

    public static ProblemException conflict(String code, Object... args) {
        return new ProblemException(Status.CONFLICT.getStatusCode(), code, args);
    }

    public static ProblemException forbidden(String code, Object... args) {
        return new ProblemException(Status.FORBIDDEN.getStatusCode(), code, args);
    }

    public static ProblemException invalid(String code, List<Problem.FieldError> errors, Object... args) {
        return new ProblemException(422, code, errors, args);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}

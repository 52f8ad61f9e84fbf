package vn.diemcau.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, with the machine-readable {@code code} and per-field errors. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type, String title, int status, String detail, String instance, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field or row: {@code field} is a JSON path or "row 12 / column B". */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(String field, String message) {}
}

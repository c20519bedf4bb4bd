package io.tideline.service.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every 4xx/5xx answer of every Tideline service.
 *
 * @param type     a URI reference naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title    a short, human-readable summary of the kind of problem
 * @param status   the HTTP status code
 * @param detail   what went wrong with this request
 * @param instance the request path
 * @param errors   one entry per offending field, when the problem is bad input
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** One invalid field: its path in the request (e.g. {@code payload.tickLower} or a query parameter name). */
    public record FieldError(String field, String message) {
    }
}

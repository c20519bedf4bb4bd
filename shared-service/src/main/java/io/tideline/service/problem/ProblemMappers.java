package io.tideline.service.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure a resource can raise into an RFC 9457 problem+json answer, naming the offending field.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    @ServerExceptionMapper
    public Response tryLater(TryLaterException e, UriInfo uri) {
        return Response.fromResponse(problem(e, uri)).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem("about:blank", "Invalid request", 400, detail, path(uri), errors));
    }

    // Quarkus registers its own mappers for these two exact types; ours must be as specific to take over.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? JsonPaths.of(m.getPath()) : null;
        String message = reasonOf(e);
        List<Problem.FieldError> errors = field == null || field.isEmpty()
                ? List.of() : List.of(new Problem.FieldError(field, message));
        String detail = field == null || field.isEmpty() ? "malformed JSON: " + message : field + ": " + message;
        return respond(new Problem("about:blank", "Invalid request body", 400, detail, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // The JSON body reader wraps Jackson's failure in a 400: answer with the field it names.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request to %s failed", path(uri));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return respond(new Problem("about:blank", title, status, e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (CallerWentAway.causes(e)) {
            // one line, no trace: under overload callers that time out would otherwise fill the log with errors
            LOG.infof("request to %s broke off: the caller went away (%s)", path(uri), e.getMessage());
            return respond(new Problem("about:blank", "Bad Request", 400,
                    "the request broke off before it was read", path(uri), List.of()));
        }
        LOG.errorf(e, "request to %s failed", path(uri));
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "the request could not be completed; see the service log", path(uri), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // "method.arg0.field" for parameters of a resource method: keep what names the input.
        String path = v.getPropertyPath().toString();
        int firstDot = path.indexOf('.');
        return firstDot < 0 ? path : path.substring(firstDot + 1);
    }

    private static String reasonOf(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return v.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return "cannot read " + quoted(f.getValue()) + " as " + f.getTargetType().getSimpleName();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + m.getTargetType().getSimpleName();
        }
        return e.getOriginalMessage();
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}

package io.tideline.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.service.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Refuses a request whose declared body is larger than its route takes ({@link BodyLimitSettings}) with 413
 * problem+json, before anything reads it. The most specific configured path prefix wins.
 */
@ApplicationScoped
public class BodyLimits {

    /** Before every other route of the application. */
    static final int ORDER = -10_000;

    private final long defaultLimit;
    private final List<Map.Entry<String, Long>> byPrefix;
    private final ObjectMapper json;

    public BodyLimits(BodyLimitSettings settings, ObjectMapper json) {
        this.defaultLimit = settings.maxBodySize().asLongValue();
        this.byPrefix = settings.routeMaxBodySize().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().asLongValue()))
                .sorted(Comparator.comparingInt((Map.Entry<String, Long> e) -> e.getKey().length()).reversed())
                .toList();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    /** The most a body sent to this path may hold, in bytes. */
    public long limitFor(String path) {
        for (Map.Entry<String, Long> e : byPrefix) {
            String prefix = e.getKey();
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
                return e.getValue();
            }
        }
        return defaultLimit;
    }

    private void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            ctx.next();
            return;
        }
        String path = ctx.normalizedPath();
        long limit = limitFor(path);
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            refuse(ctx, 400, "Bad Request", "Content-Length is not a number", path);
            return;
        }
        if (length > limit) {
            refuse(ctx, 413, "Content Too Large", "the body is " + length + " bytes; " + path + " takes at most "
                    + limit, path);
            return;
        }
        ctx.next();
    }

    private void refuse(RoutingContext ctx, int status, String title, String detail, String path) {
        String body;
        try {
            body = json.writeValueAsString(new Problem("about:blank", title, status, detail, path, null));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}

package io.tideline.gateway.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which headers cross the gateway. Allow-lists both ways: a caller's cookies, API key, hop-by-hop and forwarding
 * headers never reach an upstream (the gateway sets {@code Authorization} itself), and an upstream's internals never
 * reach the caller.
 */
public final class ForwardedHeaders {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String CORRELATION_ID = "X-Correlation-Id";

    /** Passed from the caller to the upstream as they are. */
    static final List<String> TO_UPSTREAM = List.of("Accept", "Accept-Language", "Content-Type", "If-None-Match",
            "If-Match", "Last-Event-ID", "traceparent", "tracestate");

    /** Passed from the upstream back to the caller. */
    static final Set<String> TO_CALLER = Set.of("content-type", "location", "retry-after", "etag", "cache-control",
            "content-disposition", "www-authenticate", "last-modified", "vary");

    private ForwardedHeaders() {
    }

    /**
     * The headers for the upstream: the allowed ones of the caller, the request and correlation ids and the
     * {@code Authorization} the gateway chose (the caller's own bearer token, or one it minted for an API key).
     */
    public static Map<String, String> toUpstream(Function<String, String> callerHeader, RequestIds ids,
            String authorization) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : TO_UPSTREAM) {
            String value = callerHeader.apply(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        out.put(REQUEST_ID, ids.requestId());
        out.put(CORRELATION_ID, ids.correlationId());
        if (authorization != null) {
            out.put("Authorization", authorization);
        }
        return out;
    }

    /** Whether an upstream's response header goes back to the caller. */
    public static boolean toCaller(String name) {
        return TO_CALLER.contains(name.toLowerCase(Locale.ROOT));
    }
}

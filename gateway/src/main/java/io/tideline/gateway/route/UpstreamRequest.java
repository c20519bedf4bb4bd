package io.tideline.gateway.route;

import java.util.Map;

/**
 * What the gateway sends to an upstream: the method, the raw path and query as the caller sent them, the headers
 * passed on ({@link ForwardedHeaders}) and the body's bytes, untouched.
 */
public record UpstreamRequest(String method, String rawPathAndQuery, Map<String, String> headers, byte[] body) {

    /** GET and HEAD may be sent again after a failure; nothing else is. */
    public boolean idempotent() {
        return method.equals("GET") || method.equals("HEAD");
    }
}

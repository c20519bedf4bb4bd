package io.tideline.gateway.route;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A request's id and correlation id: the caller's when they are well-formed (1 to 128 of {@code A-Z a-z 0-9 . _ : @ /
 * -}), else a new UUID; the correlation id defaults to the request id. Passed to the upstream and echoed to the
 * caller.
 */
public record RequestIds(String requestId, String correlationId) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@/-]{1,128}");

    public static RequestIds of(String givenRequestId, String givenCorrelationId) {
        String request = valid(givenRequestId) ? givenRequestId : UUID.randomUUID().toString();
        String correlation = valid(givenCorrelationId) ? givenCorrelationId : request;
        return new RequestIds(request, correlation);
    }

    private static boolean valid(String id) {
        return id != null && SAFE.matcher(id).matches();
    }
}

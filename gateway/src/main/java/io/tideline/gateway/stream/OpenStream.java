package io.tideline.gateway.stream;

import io.vertx.core.http.HttpServerRequest;

/**
 * A stream just opened, as {@link StreamResource} answers it: the client, and the request whose response
 * {@link StreamResponseWriter} hands over to it.
 */
public record OpenStream(StreamClient client, HttpServerRequest request) {
}

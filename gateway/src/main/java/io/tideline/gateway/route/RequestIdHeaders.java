package io.tideline.gateway.route;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request a request id and a correlation id ({@link RequestIds}: the caller's, or new ones) before any
 * resource sees it, and echoes both on every answer, refusals and errors included.
 */
public class RequestIdHeaders {

    private static final String PROPERTY = RequestIds.class.getName();

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        RequestIds ids = RequestIds.of(request.getHeaderString(ForwardedHeaders.REQUEST_ID),
                request.getHeaderString(ForwardedHeaders.CORRELATION_ID));
        request.getHeaders().putSingle(ForwardedHeaders.REQUEST_ID, ids.requestId());
        request.getHeaders().putSingle(ForwardedHeaders.CORRELATION_ID, ids.correlationId());
        request.setProperty(PROPERTY, ids);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROPERTY) instanceof RequestIds ids) {
            response.getHeaders().putSingle(ForwardedHeaders.REQUEST_ID, ids.requestId());
            response.getHeaders().putSingle(ForwardedHeaders.CORRELATION_ID, ids.correlationId());
        }
    }
}

package io.tideline.gateway.stream;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerHttpResponse;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Hands a stream's HTTP response over to its {@link StreamClient}: Quarkus REST has checked the caller and the query
 * and run its response filters (request ids); this writes the head with a first comment and from then on the client
 * writes its pre-encoded frames straight to the Vert.x response, never through Quarkus REST's per-event SSE
 * formatting.
 */
@Provider
@Produces(MediaType.SERVER_SENT_EVENTS)
public class StreamResponseWriter implements ServerMessageBodyWriter<OpenStream> {

    private static final byte[] OPENING = SseFrame.comment("tideline live stream").bytes();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return OpenStream.class.isAssignableFrom(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return OpenStream.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(OpenStream open, Type genericType, ServerRequestContext context) {
        StreamClient client = open.client();
        ServerHttpResponse out = context.serverResponse();
        HttpServerRequest request = open.request();
        Context loop = Vertx.currentContext();
        if (loop == null) {
            client.close();
            throw new IllegalStateException("the live stream is written from a Vert.x context");
        }
        out.setResponseHeader(HttpHeaders.CONTENT_TYPE, MediaType.SERVER_SENT_EVENTS);
        out.setResponseHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        out.setResponseHeader("X-Accel-Buffering", "no"); // a proxy in front must not hold frames back
        out.setChunked(true);
        out.addCloseHandler(client::close);
        out.write(OPENING); // the head goes out now, with the response filters' headers
        if (out.closed()) {
            client.close();
            return;
        }
        client.attach(new VertxClientConnection(request, loop));
    }

    @Override
    public void writeTo(OpenStream open, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        throw new UnsupportedOperationException("the live stream is written to the Vert.x response only");
    }
}

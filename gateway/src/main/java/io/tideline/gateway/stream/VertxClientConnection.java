package io.tideline.gateway.stream;

import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.List;

/**
 * A stream client's Vert.x response: frames are written as they are (their bytes wrapped, not copied: one composite
 * buffer per write), on the event loop of the request's context.
 */
final class VertxClientConnection implements ClientConnection {

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Context loop;

    VertxClientConnection(HttpServerRequest request, Context loop) {
        this.request = request;
        this.response = request.response();
        this.loop = loop;
    }

    @Override
    public void onLoop(Runnable task) {
        loop.runOnContext(ignored -> task.run());
    }

    @Override
    public boolean writeQueueFull() {
        return response.writeQueueFull();
    }

    @Override
    public void write(List<SseFrame> frames) {
        if (response.closed() || response.ended()) {
            return;
        }
        byte[][] parts = new byte[frames.size()][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = frames.get(i).bytes();
        }
        response.write(Buffer.buffer(Unpooled.wrappedBuffer(parts)));
    }

    @Override
    public void whenWritable(Runnable task) {
        response.drainHandler(ignored -> task.run());
    }

    @Override
    public void close() {
        request.connection().close();
    }
}

package io.tideline.gateway.stream;

import java.util.List;

/**
 * A stream client's HTTP response as {@link StreamClient} sees it: bytes go out on one event loop, which says when its
 * socket takes no more for now. {@link VertxClientConnection} is the real one.
 */
interface ClientConnection {

    /** Runs the task on the connection's event loop (later, never in the caller's stack). */
    void onLoop(Runnable task);

    /** Whether the socket is full for now; on the event loop. */
    boolean writeQueueFull();

    /** Writes these frames, in order, as one write; on the event loop. */
    void write(List<SseFrame> frames);

    /** Runs the task once the socket takes bytes again; on the event loop. */
    void whenWritable(Runnable task);

    /** Closes the connection (the client is dropped); from any thread. */
    void close();
}

package io.tideline.gateway.stream;

import jakarta.ws.rs.sse.OutboundSseEvent;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connected client: its filter and a bounded queue of frames between the stream and its HTTP response. Frames
 * leave the queue only as fast as the response asks for them (Quarkus REST asks for the next one when the last was
 * written), so a client that does not read leaves them in the queue; when a new frame finds the queue full, the client
 * is dropped: its connection is closed and it leaves the stream. The stream itself never waits for a client.
 * Replayed frames are queued before any live one and do not count towards the bound.
 */
final class StreamClient implements Flow.Publisher<OutboundSseEvent> {

    /** What happens at the edges: closing the connection, and leaving the stream. */
    interface Hooks {
        void closeConnection();

        void left(StreamClient client);
    }

    private final String caller;
    private final StreamFilter filter;
    private final int capacity;
    private final Hooks hooks;
    private final ArrayDeque<OutboundSseEvent> queue = new ArrayDeque<>();
    private final AtomicInteger draining = new AtomicInteger();
    private int replayLeft;
    private long demand;
    private boolean closed;
    private Flow.Subscriber<? super OutboundSseEvent> subscriber;

    StreamClient(String caller, StreamFilter filter, int capacity, List<? extends OutboundSseEvent> first,
            Hooks hooks) {
        this.caller = caller;
        this.filter = filter;
        this.capacity = capacity;
        this.hooks = hooks;
        queue.addAll(first);
        replayLeft = first.size();
    }

    String caller() {
        return caller;
    }

    StreamFilter filter() {
        return filter;
    }

    /**
     * Queues a frame for this client.
     *
     * @return false when the client is gone or was just dropped because its queue was full
     */
    boolean offer(OutboundSseEvent frame) {
        boolean dropped;
        synchronized (this) {
            if (closed) {
                return false;
            }
            dropped = queue.size() - replayLeft >= capacity;
            if (dropped) {
                closed = true;
                queue.clear();
            } else {
                queue.addLast(frame);
            }
        }
        if (dropped) {
            hooks.left(this);
            hooks.closeConnection();
            return false;
        }
        drain();
        return true;
    }

    /** The frames waiting, live ones only. */
    synchronized int backlog() {
        return queue.size() - replayLeft;
    }

    /** The client went away (its connection closed) or the stream stops: no more frames. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        hooks.left(this);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super OutboundSseEvent> s) {
        synchronized (this) {
            if (subscriber != null) {
                throw new IllegalStateException("a stream client has one subscriber");
            }
            subscriber = s;
        }
        s.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                synchronized (StreamClient.this) {
                    demand = n <= 0 || demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
                drain();
            }

            @Override
            public void cancel() {
                close();
            }
        });
        drain();
    }

    /** Hands queued frames to the subscriber while it asks for them; one thread at a time, never recursively. */
    private void drain() {
        if (draining.getAndIncrement() != 0) {
            return;
        }
        do {
            while (true) {
                OutboundSseEvent next;
                Flow.Subscriber<? super OutboundSseEvent> to;
                synchronized (this) {
                    if (closed || subscriber == null || demand == 0 || queue.isEmpty()) {
                        break;
                    }
                    next = queue.removeFirst();
                    if (replayLeft > 0) {
                        replayLeft--;
                    }
                    demand--;
                    to = subscriber;
                }
                to.onNext(next);
            }
        } while (draining.decrementAndGet() != 0);
    }
}

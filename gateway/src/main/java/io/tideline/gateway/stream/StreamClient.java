package io.tideline.gateway.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One connected client: its filter and a bounded queue of pre-encoded frames between the stream and its HTTP
 * response. The stream's thread only queues a frame (a reference: the bytes are shared by every client) and, when no
 * write is pending, asks the client's event loop to write; the event loop writes what is queued, many frames at a
 * time, as long as the socket takes them, and waits for it to drain otherwise. So a client that does not read leaves
 * frames in its queue; when a new frame finds the queue full, the client is dropped: its connection is closed and it
 * leaves the stream. The stream itself never waits for a client, and a client never holds more than its queue and
 * what its socket took. Replayed frames are queued before any live one and do not count towards the bound.
 */
public final class StreamClient {

    /** Frames written to a socket in one write at most. */
    static final int BATCH = 64;

    /** What happens at the edges: the client is dropped, or leaves. */
    interface Hooks {
        /** The client fell {@code backlog} frames behind and was dropped (its connection is being closed). */
        void dropped(StreamClient client, int backlog);

        void left(StreamClient client);
    }

    private final String caller;
    private final StreamFilter filter;
    private final int capacity;
    private final Hooks hooks;
    private final ArrayDeque<SseFrame> queue = new ArrayDeque<>();
    private int replayLeft;
    /** A write is pending: a drain is queued on the event loop or waits for the socket. */
    private boolean writing;
    private boolean closed;
    private ClientConnection connection;

    StreamClient(String caller, StreamFilter filter, int capacity, List<SseFrame> first, Hooks hooks) {
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

    /** Starts writing to the response once its head is out; frames offered before wait in the queue. */
    void attach(ClientConnection to) {
        boolean schedule;
        synchronized (this) {
            if (connection != null) {
                throw new IllegalStateException("a stream client has one connection");
            }
            connection = to;
            schedule = !closed && !writing && !queue.isEmpty();
            writing |= schedule;
        }
        if (schedule) {
            to.onLoop(this::drain);
        }
    }

    /**
     * Queues a frame for this client; never waits.
     *
     * @return false when the client is gone or was just dropped because its queue was full
     */
    boolean offer(SseFrame frame) {
        ClientConnection schedule = null;
        int backlog;
        synchronized (this) {
            if (closed) {
                return false;
            }
            backlog = queue.size() - replayLeft;
            if (backlog < capacity) {
                queue.addLast(frame);
                if (!writing && connection != null) {
                    writing = true;
                    schedule = connection;
                }
                backlog = -1;
            } else {
                closed = true;
                queue.clear();
            }
        }
        if (backlog >= 0) {
            hooks.left(this);
            hooks.dropped(this, backlog);
            ClientConnection c = connection();
            if (c != null) {
                c.close();
            }
            return false;
        }
        if (schedule != null) {
            schedule.onLoop(this::drain);
        }
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

    /** Writes what is queued while the socket takes it; on the event loop, one drain at a time. */
    private void drain() {
        ClientConnection to = connection();
        while (true) {
            if (to.writeQueueFull()) {
                to.whenWritable(this::drain);
                return;
            }
            List<SseFrame> batch;
            synchronized (this) {
                if (closed || queue.isEmpty()) {
                    writing = false;
                    return;
                }
                int n = Math.min(BATCH, queue.size());
                batch = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    batch.add(queue.removeFirst());
                }
                replayLeft = Math.max(0, replayLeft - n);
            }
            to.write(batch);
        }
    }

    private synchronized ClientConnection connection() {
        return connection;
    }
}

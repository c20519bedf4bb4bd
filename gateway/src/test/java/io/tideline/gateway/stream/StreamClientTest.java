package io.tideline.gateway.stream;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

class StreamClientTest {

    private final List<StreamClient> left = new ArrayList<>();
    private final List<Integer> droppedAt = new ArrayList<>();

    @Test
    void framesAreWrittenOnTheEventLoopManyAtATimeOnlyWhileTheSocketTakesThem() {
        StreamClient client = client(10, List.of());
        FakeConnection socket = new FakeConnection();
        client.attach(socket);
        client.offer(frame(1));
        client.offer(frame(2));
        assertThat(socket.written).isEmpty(); // nothing is written on the stream's thread
        assertThat(socket.tasks).hasSize(1);  // one drain asked for, not one per frame

        socket.runLoop();
        assertThat(socket.writes).containsExactly(List.of("1", "2"));

        socket.full = true;
        client.offer(frame(3));
        socket.runLoop();
        assertThat(socket.written).containsExactly("1", "2");
        assertThat(client.backlog()).isEqualTo(1);
        client.offer(frame(4)); // a drain is pending: no new task
        assertThat(socket.tasks).isEmpty();

        socket.full = false;
        socket.drained();
        assertThat(socket.written).containsExactly("1", "2", "3", "4");
        assertThat(client.backlog()).isZero();
    }

    @Test
    void aBurstIsWrittenInBatchesOfBoundedSize() {
        StreamClient client = client(1000, List.of());
        FakeConnection socket = new FakeConnection();
        client.attach(socket);
        for (int i = 1; i <= StreamClient.BATCH * 2 + 1; i++) {
            client.offer(frame(i));
        }
        socket.runLoop();
        assertThat(socket.writes).extracting(List::size).containsExactly(StreamClient.BATCH, StreamClient.BATCH, 1);
    }

    @Test
    void aClientWhoseSocketTakesNothingIsDroppedAFullQueueBehindAndHoldsNoMore() {
        StreamClient client = client(3, List.of());
        FakeConnection socket = new FakeConnection();
        socket.full = true; // a client that does not read
        client.attach(socket);
        assertThat(client.offer(frame(1))).isTrue();
        assertThat(client.offer(frame(2))).isTrue();
        assertThat(client.offer(frame(3))).isTrue();
        socket.runLoop();
        assertThat(socket.closed).isFalse();

        assertThat(client.offer(frame(4))).isFalse();
        assertThat(socket.closed).isTrue();
        assertThat(droppedAt).containsExactly(3);
        assertThat(left).containsExactly(client);
        assertThat(client.backlog()).isZero(); // its frames are let go
        assertThat(client.offer(frame(5))).isFalse();
        assertThat(droppedAt).containsExactly(3);

        socket.full = false;
        socket.drained(); // a drain after the drop writes nothing
        assertThat(socket.written).isEmpty();
    }

    @Test
    void framesOfferedBeforeTheResponseIsReadyWaitAndReplayedOnesComeFirstWithoutCountingTowardsTheBound() {
        StreamClient client = client(2, List.of(frame(1), frame(2), frame(3), frame(4)));
        assertThat(client.offer(frame(5))).isTrue();
        assertThat(client.offer(frame(6))).isTrue();
        assertThat(droppedAt).isEmpty();
        FakeConnection socket = new FakeConnection();
        client.attach(socket);
        socket.runLoop();
        assertThat(socket.written).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void aClientThatLeftIsWrittenNothingAndClosesNothing() {
        StreamClient client = client(2, List.of());
        FakeConnection socket = new FakeConnection();
        client.attach(socket);
        client.offer(frame(1));
        client.close();
        socket.runLoop();
        assertThat(left).containsExactly(client);
        assertThat(client.offer(frame(2))).isFalse();
        assertThat(socket.written).isEmpty();
        assertThat(socket.closed).isFalse();
        assertThat(droppedAt).isEmpty();
    }

    @Test
    void aFrameIsTheWireTextOfAnEventOrAComment() {
        assertThat(SseFrame.event("e-1", "HedgeFilled", "{\"a\":1}").text())
                .isEqualTo("id:e-1\nevent:HedgeFilled\ndata:{\"a\":1}\n\n");
        assertThat(SseFrame.event("e-2", "x", "one\ntwo\r\nthree").text())
                .isEqualTo("id:e-2\nevent:x\ndata:one\ndata:two\ndata:three\n\n");
        assertThat(SseFrame.comment("keep-alive").text()).isEqualTo(":keep-alive\n\n");
    }

    private StreamClient client(int capacity, List<SseFrame> replay) {
        return new StreamClient("alice", StreamFilter.of(null, null, null, "viewer"), capacity, replay,
                new StreamClient.Hooks() {
                    @Override
                    public void dropped(StreamClient client, int backlog) {
                        droppedAt.add(backlog);
                    }

                    @Override
                    public void left(StreamClient client) {
                        left.add(client);
                    }
                });
    }

    private static SseFrame frame(int n) {
        return SseFrame.event(Integer.toString(n), "AlertRaised", "{}");
    }

    /** An event loop run by hand, and a socket that is full when told. */
    private static final class FakeConnection implements ClientConnection {
        final Queue<Runnable> tasks = new ArrayDeque<>();
        final List<List<String>> writes = new ArrayList<>();
        final List<String> written = new ArrayList<>();
        Runnable whenWritable;
        boolean full;
        boolean closed;

        @Override
        public void onLoop(Runnable task) {
            tasks.add(task);
        }

        @Override
        public boolean writeQueueFull() {
            return full;
        }

        @Override
        public void write(List<SseFrame> frames) {
            List<String> ids = frames.stream().map(f -> {
                String text = new String(f.bytes(), StandardCharsets.UTF_8);
                return text.substring(3, text.indexOf('\n'));
            }).toList();
            writes.add(ids);
            written.addAll(ids);
        }

        @Override
        public void whenWritable(Runnable task) {
            whenWritable = task;
        }

        @Override
        public void close() {
            closed = true;
        }

        void runLoop() {
            for (Runnable task; (task = tasks.poll()) != null; ) {
                task.run();
            }
        }

        void drained() {
            Runnable task = whenWritable;
            whenWritable = null;
            if (task != null) {
                task.run();
            }
            runLoop();
        }
    }
}

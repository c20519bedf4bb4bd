package io.tideline.gateway.stream;

import jakarta.ws.rs.sse.OutboundSseEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StreamClientTest {

    private final AtomicInteger connectionsClosed = new AtomicInteger();
    private final List<StreamClient> left = new ArrayList<>();

    @Test
    void framesGoOutOnlyAsTheResponseAsksForThem() {
        StreamClient client = client(3, List.of());
        Reader reader = new Reader();
        client.subscribe(reader);
        client.offer(frame(1));
        client.offer(frame(2));
        assertThat(reader.got).isEmpty();
        reader.subscription.request(1);
        assertThat(reader.ids()).containsExactly("1");
        reader.subscription.request(5);
        client.offer(frame(3));
        assertThat(reader.ids()).containsExactly("1", "2", "3");
        assertThat(client.backlog()).isZero();
    }

    @Test
    void aClientAFullQueueBehindIsDroppedAndItsConnectionClosed() {
        StreamClient client = client(3, List.of());
        client.subscribe(new Reader()); // asks for nothing: a client that does not read
        assertThat(client.offer(frame(1))).isTrue();
        assertThat(client.offer(frame(2))).isTrue();
        assertThat(client.offer(frame(3))).isTrue();
        assertThat(connectionsClosed).hasValue(0);

        assertThat(client.offer(frame(4))).isFalse();
        assertThat(connectionsClosed).hasValue(1);
        assertThat(left).containsExactly(client);
        assertThat(client.offer(frame(5))).isFalse();
        assertThat(connectionsClosed).hasValue(1);
    }

    @Test
    void replayedFramesComeFirstAndDoNotCountTowardsTheBound() {
        StreamClient client = client(2, List.of(frame(1), frame(2), frame(3), frame(4)));
        Reader reader = new Reader();
        client.subscribe(reader);
        assertThat(client.offer(frame(5))).isTrue();
        assertThat(client.offer(frame(6))).isTrue();
        assertThat(connectionsClosed).hasValue(0);
        reader.subscription.request(Long.MAX_VALUE);
        assertThat(reader.ids()).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void aCancelledClientLeavesWithoutClosingAnything() {
        StreamClient client = client(2, List.of());
        Reader reader = new Reader();
        client.subscribe(reader);
        reader.subscription.cancel();
        assertThat(left).containsExactly(client);
        assertThat(client.offer(frame(1))).isFalse();
        assertThat(connectionsClosed).hasValue(0);
    }

    private StreamClient client(int capacity, List<SseFrame> replay) {
        return new StreamClient("alice", StreamFilter.of(null, null, null, "viewer"), capacity, replay,
                new StreamClient.Hooks() {
                    @Override
                    public void closeConnection() {
                        connectionsClosed.incrementAndGet();
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

    private static final class Reader implements Flow.Subscriber<OutboundSseEvent> {
        final List<OutboundSseEvent> got = new ArrayList<>();
        Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(OutboundSseEvent item) {
            got.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }

        List<String> ids() {
            return got.stream().map(OutboundSseEvent::getId).toList();
        }
    }
}

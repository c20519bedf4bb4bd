package io.tideline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds {@link PriceLedger} when it applies one event of a stream, inside the batch's open transaction, until the test
 * releases it: the consumer is then mid-batch while the test takes the broker away or rebalances the group.
 */
final class HeldEvent {

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicReference<Thread> thread = new AtomicReference<>();

    private HeldEvent() {
    }

    /** Holds the consumer at the stream's event {@code index}. */
    static HeldEvent at(PriceStream stream, int index) {
        HeldEvent held = new HeldEvent();
        PriceLedger.HOLDS.put(stream.event(index).eventId(), () -> {
            held.thread.set(Thread.currentThread());
            held.reached.countDown();
            try {
                held.released.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return held;
    }

    void awaitReached() throws InterruptedException {
        assertThat(reached.await(2, TimeUnit.MINUTES)).as("the consumer reached the held event").isTrue();
    }

    void release() {
        released.countDown();
    }

    /** The consumer thread that applied the held event. */
    Thread thread() {
        return thread.get();
    }
}

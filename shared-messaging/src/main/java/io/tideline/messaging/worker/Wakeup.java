package io.tideline.messaging.worker;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An idle pause that a hand-over can cut short: a worker thread waits in {@link #pause(Duration)}, another thread that
 * just gave it work calls {@link #wake()}. Wakes while the worker is busy are folded into one, so the next pause ends
 * at once and no more than once.
 */
public final class Wakeup {

    private final Semaphore permits = new Semaphore(0);

    /** Ends the current (or next) pause; cheap enough to call after every hand-over. */
    public void wake() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits up to {@code interval} unless woken; false when interrupted (the worker is stopping). */
    public boolean pause(Duration interval) {
        try {
            permits.tryAcquire(interval.toNanos(), TimeUnit.NANOSECONDS);
            permits.drainPermits();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

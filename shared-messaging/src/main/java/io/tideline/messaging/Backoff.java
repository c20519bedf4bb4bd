package io.tideline.messaging;

import java.time.Duration;

/**
 * A pause between retries that doubles after each use up to a cap, for the worker threads of the messaging layer.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration current;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.current = initial;
    }

    /** The pause the next {@link #pause()} sleeps. */
    public Duration current() {
        return current;
    }

    /**
     * Sleeps the current pause, then doubles it up to the cap.
     *
     * @return false when the thread was interrupted (it stays interrupted): the caller should stop
     */
    public boolean pause() {
        boolean slept = sleep(current);
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
        return slept;
    }

    /** Back to the initial pause, after a success. */
    public void reset() {
        current = initial;
    }

    /**
     * Sleeps for {@code duration}.
     *
     * @return false when the thread was interrupted (it stays interrupted)
     */
    public static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package io.tideline.e2e.scenario;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for an asynchronous outcome: asks again every {@code interval} until the answer is present, and fails after
 * the timeout with the last answer's reason. The platform is eventually consistent across its services; every wait has
 * a bound.
 */
public final class Eventually {

    private static final Duration INTERVAL = Duration.ofMillis(250);

    private Eventually() {
    }

    /**
     * The first non-null answer of {@code probe} within {@code timeout}. A probe that throws {@link Mismatch} or
     * answers null is asked again; after the timeout the last mismatch (or "{what} did not happen") is thrown.
     */
    public static <T> T within(Duration timeout, String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                T answer = probe.get();
                if (answer != null) {
                    return answer;
                }
            } catch (Mismatch | Gateway.CallFailed e) {
                last = e;
            }
            if (System.nanoTime() >= deadline) {
                throw new Mismatch(what + " did not happen within " + timeout.toSeconds() + " s"
                        + (last == null ? "" : ": " + last.getMessage()));
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Mismatch("interrupted while waiting for " + what);
            }
        }
    }
}

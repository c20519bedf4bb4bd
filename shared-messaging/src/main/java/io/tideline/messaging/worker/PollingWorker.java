package io.tideline.messaging.worker;

import io.tideline.messaging.Backoff;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A daemon thread that runs one step after another: again at once while a step says there is more to do, after
 * {@code pollInterval} when it says it is idle, and after a doubling pause (up to {@code maxBackoff}) when it throws,
 * so a database or venue outage is retried without spinning. {@link #wake()} ends an idle pause at once (work was
 * just handed to it); {@link #stop(Duration)} interrupts it and waits for it.
 */
public final class PollingWorker {

    private static final Logger LOG = Logger.getLogger(PollingWorker.class);

    private final String name;
    private final BooleanSupplier step;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final Consumer<RuntimeException> onFailure;
    private final Wakeup wakeup = new Wakeup();
    private volatile Thread thread;
    private volatile boolean running;
    private volatile long stepStartedNanos;
    private volatile String lastFailure;

    /**
     * @param step one unit of work; returns true if there is more to do right away
     */
    public PollingWorker(String name, BooleanSupplier step, Duration pollInterval, Duration maxBackoff) {
        this(name, step, pollInterval, maxBackoff, e -> { });
    }

    /**
     * @param onFailure told of each failed step before the pause (to reset state, report it); it must not throw
     */
    public PollingWorker(String name, BooleanSupplier step, Duration pollInterval, Duration maxBackoff,
            Consumer<RuntimeException> onFailure) {
        this.name = name;
        this.step = step;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.onFailure = onFailure;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        WorkerRegistry.register(this);
        thread.start();
    }

    public String name() {
        return name;
    }

    /**
     * How the worker is: DEAD if its thread ended while it should run, STUCK if one step has run longer than
     * {@code stuckAfter}, else RUNNING (or STOPPED after {@link #stop}).
     */
    public WorkerState state(Duration stuckAfter) {
        Thread current = thread;
        if (!running || current == null) {
            return new WorkerState(name, "STOPPED", lastFailure);
        }
        if (!current.isAlive()) {
            return new WorkerState(name, "DEAD", lastFailure);
        }
        long started = stepStartedNanos;
        if (started != 0 && System.nanoTime() - started > stuckAfter.toNanos()) {
            return new WorkerState(name, "STUCK", "one step has run for more than " + stuckAfter.toSeconds() + " s");
        }
        return new WorkerState(name, "RUNNING", lastFailure);
    }

    /** Ends the current idle pause, if any, so the next step runs now; cheap enough to call after every hand-over. */
    public void wake() {
        wakeup.wake();
    }

    /** Stops the thread, waiting up to {@code timeout} for the step in progress to end. */
    public synchronized void stop(Duration timeout) {
        running = false;
        Thread current = thread;
        thread = null;
        WorkerRegistry.unregister(this);
        if (current != null) {
            current.interrupt();
            try {
                current.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        Backoff failures = new Backoff(pollInterval, maxBackoff);
        while (running) {
            try {
                stepStartedNanos = System.nanoTime();
                boolean more = step.getAsBoolean();
                stepStartedNanos = 0;
                failures.reset();
                lastFailure = null;
                if (!more && !wakeup.pause(pollInterval)) {
                    break;
                }
            } catch (RuntimeException | Error e) {
                // An Error from a step (a linkage error, a stack overflow in one message) must not end the worker
                // for good: the step is retried after the back-off, and liveness reports the failure meanwhile.
                stepStartedNanos = 0;
                if (!running) {
                    break;
                }
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                lastFailure = message;
                try {
                    onFailure.accept(e instanceof RuntimeException r ? r : new IllegalStateException(message, e));
                } catch (RuntimeException | Error again) {
                    LOG.warnf(again, "%s: the failure callback failed too: %s", name, again.getMessage());
                }
                LOG.warnf(e, "%s: step failed, retrying in %d ms: %s", name, failures.current().toMillis(), message);
                if (!failures.pause()) {
                    break;
                }
            }
        }
    }
}

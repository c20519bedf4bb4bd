package io.tideline.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;

/** Asks {@code /q/health/live} every quarter second on a thread of its own and keeps every answer's status. */
final class LivenessSampler implements AutoCloseable {

    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private LivenessSampler() {
        thread = new Thread(this::sample, "liveness-sampler");
        thread.setDaemon(true);
    }

    static LivenessSampler start() {
        LivenessSampler sampler = new LivenessSampler();
        sampler.thread.start();
        return sampler;
    }

    private void sample() {
        while (running) {
            try {
                statuses.add(given().get("/q/health/live").statusCode());
            } catch (RuntimeException noAnswer) {
                statuses.add(-1);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling; the statuses of every answer, in order (-1 for none). */
    List<Integer> stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(statuses);
    }

    @Override
    public void close() {
        stop();
    }
}

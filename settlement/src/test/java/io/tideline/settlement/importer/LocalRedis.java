package io.tideline.settlement.importer;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.Jedis;

/**
 * The real Redis on localhost:6379 the importer's tests use: the one {@code ./platform up} (or the machine) runs, else
 * the machine's redis-server started the way {@code ./platform up} starts it, so that {@code ./platform test} and CI
 * need nothing more.
 */
final class LocalRedis {

    static final URI URL = URI.create("redis://localhost:6379");

    private LocalRedis() {
    }

    static synchronized void ensureRunning() {
        if (answers()) {
            return;
        }
        try {
            Process p = new ProcessBuilder("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1",
                    "--port", "6379", "--save", "", "--appendonly", "no").redirectErrorStream(true).start();
            p.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("no Redis answers on localhost:6379 and redis-server cannot be started ("
                    + e.getMessage() + "): run ./platform up, or apt-get install -y redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server was started but does not answer on localhost:6379");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean answers() {
        try (Jedis jedis = new Jedis(URL, 1000)) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }
}

package io.tideline.bench;

import io.tideline.events.TopicProvisioner;
import io.tideline.testing.EmbeddedKafkaBroker;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A single-node Kafka broker for a sequence of benchmarks (bench/all.sh): started on the given ports with the
 * catalogue's topics, it prints {@code ready 127.0.0.1:<port>} and runs until its process is stopped.
 *
 * <p>Arguments: {@code <port> <controller port>}.
 */
public final class BenchBroker {

    private BenchBroker() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BenchBroker <port> <controller port>");
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "bench-broker-stop"));
        TopicProvisioner.provisionAll(broker.bootstrapServers(), Duration.ofSeconds(60),
                new PrintStream(OutputStream.nullOutputStream()));
        System.out.println("ready " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }
}

package io.tideline.testing;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) running inside the test JVM, on free
 * loopback ports, with its data in a temporary folder removed on close.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final Properties config;
    private final Path dataDir;
    private final int port;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Properties config, Path dataDir, int port) {
        this.config = config;
        this.dataDir = dataDir;
        this.port = port;
    }

    public static EmbeddedKafkaBroker start() {
        return start(FreePorts.next(), FreePorts.next());
    }

    /** A broker on the given ports (a benchmark run gives its own, so that it never meets another's broker). */
    public static EmbeddedKafkaBroker start(int port, int controllerPort) {
        try {
            Path dir = Files.createTempDirectory("tideline-kafka-");
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", dir.toString());
            props.put("num.partitions", "3");
            props.put("auto.create.topics.enable", "true");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "5");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            Path config = dir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "embedded test broker");
            }
            ByteArrayOutputStream formatOutput = new ByteArrayOutputStream();
            int formatted = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()}, new PrintStream(formatOutput, true, StandardCharsets.UTF_8));
            if (formatted != 0) {
                throw new IllegalStateException("kafka storage format failed: "
                        + formatOutput.toString(StandardCharsets.UTF_8));
            }
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(props, dir, port);
            broker.startServer();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker, keeping its data and ports, as when a broker goes down. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the stopped broker again on the same ports with the same data. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    private synchronized void startServer() {
        server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
        server.startup();
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

}

package io.tideline.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import io.tideline.events.TopicProvisioner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka broker of a test JVM: {@code TIDELINE_KAFKA_BOOTSTRAP} if set (what {@code ./platform test} exports), else
 * a broker answering on localhost:9092, else a single-node KRaft broker started in this JVM on free ports. The topics
 * of the catalogue are created once.
 */
public final class TestKafka {

    private static final String LOCAL = "127.0.0.1:9092";
    /** JVM-wide, because Quarkus loads test resources and tests in different class loaders. */
    private static final String STARTED_PROPERTY = "tideline.test.kafka.bootstrap";
    private static String bootstrap;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrap != null) {
            return bootstrap;
        }
        String started = System.getProperty(STARTED_PROPERTY);
        if (started != null) {
            bootstrap = started;
            return bootstrap;
        }
        String configured = System.getenv("TIDELINE_KAFKA_BOOTSTRAP");
        if (configured != null && !configured.isBlank()) {
            bootstrap = configured;
        } else if (isKafka(LOCAL)) {
            bootstrap = LOCAL;
        } else {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-stop"));
            bootstrap = broker.bootstrapServers();
        }
        createTopics(bootstrap);
        System.setProperty(STARTED_PROPERTY, bootstrap);
        return bootstrap;
    }

    private static boolean isKafka(String servers) {
        if (!acceptsConnections(servers)) {
            return false;
        }
        try (Admin admin = admin(servers)) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean acceptsConnections(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1))), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void createTopics(String servers) {
        TopicProvisioner.provisionAll(servers, Duration.ofSeconds(30), new PrintStream(OutputStream.nullOutputStream()));
    }

    private static Admin admin(String servers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }
}

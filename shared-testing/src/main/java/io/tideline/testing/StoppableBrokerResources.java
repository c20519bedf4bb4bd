package io.tideline.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tideline.events.TopicProvisioner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Like {@link TidelineTestResources}, but the service gets a Kafka broker of its own, with the catalogue's topics, that
 * a test can stop ({@code broker().stop()}) and start again on the same ports ({@code broker().restart()}) without
 * taking the broker of the other tests away. Extend it to add a service's own test settings.
 */
public class StoppableBrokerResources implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedKafkaBroker broker;
    private static volatile TestDatabase database;

    /** The broker of the test run in progress. */
    public static EmbeddedKafkaBroker broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = EmbeddedKafkaBroker.start();
        TopicProvisioner.provisionAll(broker.bootstrapServers(), Duration.ofSeconds(30),
                new PrintStream(OutputStream.nullOutputStream()));
        database = TestDatabase.create();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.putAll(database.serviceConfig());
        config.putAll(TestTokens.serviceConfig());
        TestTokens.callAsAdminByDefault();
        return config;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.drop();
        }
    }
}

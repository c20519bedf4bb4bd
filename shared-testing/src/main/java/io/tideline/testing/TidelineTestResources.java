package io.tideline.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives a service's {@code @QuarkusTest}s real servers: the Kafka broker {@code ./platform} runs (or one started
 * in-process when there is none) and a fresh PostgreSQL database created for this test run and dropped after it.
 * Use it as {@code @WithTestResource(value = TidelineTestResources.class, scope = MATCHING_RESOURCES)} so that all
 * test classes of a module share one Quarkus boot. The service trusts this JVM's test tokens ({@link TestTokens}), and
 * RestAssured calls are an admin's unless a test sends its own {@code Authorization} header.
 */
public class TidelineTestResources implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        String bootstrap = TestKafka.bootstrapServers();
        database = TestDatabase.create();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrap);
        config.putAll(database.serviceConfig());
        config.putAll(TestTokens.serviceConfig());
        TestTokens.callAsAdminByDefault();
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.drop();
        }
    }
}

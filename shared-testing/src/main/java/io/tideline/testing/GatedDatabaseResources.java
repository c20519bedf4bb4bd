package io.tideline.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Like {@link TidelineTestResources}, but the fresh database is reached through a {@link TcpGate}, so a test can take
 * PostgreSQL away ({@code gate().shut()}) and bring it back ({@code gate().open()}); inbox workers back off briefly.
 * Extend it to add a service's own test settings.
 */
public class GatedDatabaseResources implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpGate gate;
    private static volatile TestDatabase database;

    /** The gate in front of the database of the test run in progress. */
    public static TcpGate gate() {
        return gate;
    }

    /** The database itself (to reach it directly, around the gate). */
    public static TestDatabase database() {
        return database;
    }

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create();
        gate = new TcpGate(database.host(), database.port());
        gate.open();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        config.putAll(database.serviceConfig("127.0.0.1", gate.port()));
        config.put("tideline.messaging.inbox.max-backoff", "300ms");
        config.putAll(TestTokens.serviceConfig());
        TestTokens.callAsAdminByDefault();
        return config;
    }

    @Override
    public void stop() {
        if (gate != null) {
            gate.close();
        }
        if (database != null) {
            database.drop();
        }
    }
}

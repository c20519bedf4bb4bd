package io.tideline.perp.plan;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tideline.testing.TcpGate;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import java.util.HashMap;
import java.util.Map;

/** A fresh test database reached through a {@link TcpGate}, so a test can take the database away and bring it back. */
public class GatedDatabase implements QuarkusTestResourceLifecycleManager {

    static volatile TcpGate gate;
    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create();
        gate = new TcpGate(database.host(), database.port());
        gate.open();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        config.put("tideline.db.host", "127.0.0.1");
        config.put("tideline.db.port", Integer.toString(gate.port()));
        config.put("tideline.db.name", database.name());
        config.put("tideline.db.user", database.user());
        config.put("tideline.db.password", database.password());
        config.put("tideline.messaging.inbox.max-backoff", "300ms");
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

package io.tideline.pnl.flow;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tideline.testing.TcpGate;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import java.util.HashMap;
import java.util.Map;

/**
 * pnl-ingest's test settings ({@link PnlTestResources}) with a fresh database reached through a {@link TcpGate}, so a
 * test can take PostgreSQL away and bring it back; the inbox backs off briefly and the poller is due every second.
 */
public class GatedPnlResources implements QuarkusTestResourceLifecycleManager {

    static volatile TcpGate gate;
    static volatile TestDatabase database;
    private final PnlTestResources pnl = new PnlTestResources();

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create();
        gate = new TcpGate(database.host(), database.port());
        gate.open();
        Map<String, String> config = new HashMap<>(pnl.start());
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        config.put("tideline.db.host", "127.0.0.1");
        config.put("tideline.db.port", Integer.toString(gate.port()));
        config.put("tideline.db.name", database.name());
        config.put("tideline.db.user", database.user());
        config.put("tideline.db.password", database.password());
        config.put("tideline.messaging.inbox.max-backoff", "300ms");
        config.put("tideline.pnl.processing.poll-interval", "100ms");
        config.put("tideline.pnl.poller.interval", "1s");
        return config;
    }

    @Override
    public void stop() {
        pnl.stop();
        if (gate != null) {
            gate.close();
        }
        if (database != null) {
            database.drop();
        }
    }
}

package io.tideline.pnl.flow;

import io.tideline.testing.GatedDatabaseResources;
import java.util.HashMap;
import java.util.Map;

/**
 * pnl-ingest's test settings ({@link PnlTestResources}) over a database behind the shared gate
 * ({@link GatedDatabaseResources}); the inbox is polled often and the poller is due every second.
 */
public class GatedPnlResources extends GatedDatabaseResources {

    private final PnlTestResources pnl = new PnlTestResources();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(pnl.start());
        config.putAll(super.start());
        config.put("tideline.pnl.processing.poll-interval", "100ms");
        config.put("tideline.pnl.poller.interval", "1s");
        return config;
    }

    @Override
    public void stop() {
        pnl.stop();
        super.stop();
    }
}

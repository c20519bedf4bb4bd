package io.tideline.pnl.flow;

import java.util.HashMap;
import java.util.Map;

/**
 * pnl-ingest's test settings ({@link PnlTestResources}) with the inbox left unprocessed and a webhook door that sheds
 * above two pending deliveries, reading the backlog for every delivery.
 */
public class SheddingPnlResources extends PnlTestResources {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("tideline.pnl.processing.enabled", "false");
        config.put("tideline.pnl.ingress.shed-above-pending", "2");
        config.put("tideline.pnl.ingress.backlog-max-age", "0s");
        config.put("tideline.pnl.ingress.retry-after", "9s");
        return config;
    }
}

package io.tideline.pnl.flow;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * pnl-ingest's settings for its tests: two webhooks with their signing keys, the desk's wallets (synthetic ones for
 * the webhook tests and the local chain's trader), and Polymarket's contracts as deployed on the local chain, which
 * the fallback poller scans (to 2 blocks below the head). Used beside {@link io.tideline.testing.TidelineTestResources}.
 */
public class PnlTestResources implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK = "wh_tideline_test";
    public static final String SIGNING_KEY = "whsec_test_signing_key_1";
    public static final String OTHER_WEBHOOK = "wh_other_test";
    public static final String OTHER_KEY = "whsec_other_key_2";
    /** Where the exchange sends trade fees. */
    public static final String FEE_RECIPIENT = "0x00000000000000000000000000000000000fee01";
    /** The counterparty of synthetic trades (an exchange contract; not a desk wallet). */
    public static final String EXCHANGE = "0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e";

    @Override
    public Map<String, String> start() {
        PolymarketChain chain = PolymarketChain.deploy();
        Map<String, String> config = new HashMap<>();
        config.put("tideline.pnl.webhooks[0].id", WEBHOOK);
        config.put("tideline.pnl.webhooks[0].signing-key", SIGNING_KEY);
        config.put("tideline.pnl.webhooks[1].id", OTHER_WEBHOOK);
        config.put("tideline.pnl.webhooks[1].signing-key", OTHER_KEY);
        config.put("tideline.pnl.wallets", String.join(",", Wallets.ALL) + "," + chain.trader());
        config.put("tideline.pnl.polymarket.conditional-tokens", chain.conditionalTokens());
        config.put("tideline.pnl.polymarket.collateral-tokens", chain.collateral());
        config.put("tideline.pnl.polymarket.fee-recipients", FEE_RECIPIENT);
        config.put("tideline.pnl.poller.rpc-url", chain.rpcUrl());
        config.put("tideline.pnl.poller.network", "HARDHAT");
        config.put("tideline.pnl.poller.interval", "1h");
        config.put("tideline.pnl.poller.confirmations", "2");
        // two inbox workers, so every flow test also runs with different wallets processed side by side
        config.put("tideline.pnl.processing.workers", "2");
        config.put("test.chain.trader", chain.trader());
        config.put("test.chain.exchange", chain.exchange());
        config.put("test.chain.counterparty", chain.counterparty());
        return config;
    }

    @Override
    public void stop() {
    }

    /** Synthetic desk wallets for the webhook tests: one per test class, so the classes never share a book. */
    public static final class Wallets {
        public static final String INGRESS = "0x00000000000000000000000000000000000000a1";
        public static final String DEDUPE = "0x00000000000000000000000000000000000000a2";
        public static final String REORG = "0x00000000000000000000000000000000000000a3";
        public static final String FLOW = "0x00000000000000000000000000000000000000a4";
        public static final String CRASH = "0x00000000000000000000000000000000000000a5";
        public static final String LINEAGE = "0x00000000000000000000000000000000000000a6";
        public static final String OUTAGE = "0x00000000000000000000000000000000000000a7";
        public static final String HARDENING = "0x00000000000000000000000000000000000000a8";
        /** The other side of the ingress test's transfer between two desk wallets. */
        public static final String SPLIT = "0x00000000000000000000000000000000000000a9";
        /** Wallets whose round trips arrive interleaved (WebhookToPnlTest). */
        public static final List<String> PARALLEL = List.of("0x00000000000000000000000000000000000000b1",
                "0x00000000000000000000000000000000000000b2", "0x00000000000000000000000000000000000000b3",
                "0x00000000000000000000000000000000000000b4", "0x00000000000000000000000000000000000000b5",
                "0x00000000000000000000000000000000000000b6");
        static final String[] ALL = Stream.concat(Stream.of(INGRESS, DEDUPE, REORG,
                FLOW, CRASH, LINEAGE, OUTAGE, HARDENING, SPLIT), PARALLEL.stream()).toArray(String[]::new);

        private Wallets() {
        }
    }
}

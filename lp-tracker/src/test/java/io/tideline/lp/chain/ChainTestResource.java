package io.tideline.lp.chain;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tideline.testing.ChainDeployment;
import io.tideline.testing.TestChain;
import java.util.HashMap;
import java.util.Map;

/**
 * Points lp-tracker at the shared local Hardhat chain (Uniswap v3 deployed from the npm artifacts), watching the
 * deployment owner's wallet from the next block on, one confirmation deep, polling fast, valuing on every swap. The
 * RPC URL carries a key in its path, as a hosted node's does (Hardhat answers on any path): it must never show.
 */
public class ChainTestResource implements QuarkusTestResourceLifecycleManager {

    /** The path of the RPC URL, standing for a hosted node's API key. */
    public static final String KEY_PATH = "/v2/tideline-test-key-4f1d2c";

    @Override
    public Map<String, String> start() {
        TestChain chain = TestChain.shared();
        ChainDeployment deployment = chain.deployment();
        Map<String, String> config = new HashMap<>();
        config.put("tideline.lp.chain.id", Long.toString(chain.chainId()));
        config.put("tideline.lp.chain.rpc-url", chain.rpcUrl() + KEY_PATH);
        config.put("tideline.lp.chain.position-manager", deployment.contracts().positionManager());
        config.put("tideline.lp.chain.factory", deployment.contracts().factory());
        config.put("tideline.lp.chain.multicall3", deployment.contracts().multicall3());
        config.put("tideline.lp.chain.pool-init-code-hash", deployment.pool().initCodeHash());
        config.put("tideline.lp.sync.start-block", Long.toString(chain.blockNumber() + 1));
        config.put("tideline.lp.sync.confirmations", "1");
        config.put("tideline.lp.sync.poll-interval", "100ms");
        config.put("tideline.lp.sync.max-backoff", "1s");
        config.put("tideline.lp.sync.valuation-interval", "1h");
        // Every swap revalues: the tests check the valuation after a few small swaps against the contracts (and, as
        // no log touched the position in those passes, the position manager's record kept from an earlier read).
        config.put("tideline.lp.sync.valuation-price-move", "0");
        config.put("tideline.lp.watched-wallets", deployment.accounts().owner().address());
        return config;
    }

    @Override
    public void stop() {
        // The chain is shared by every test class of this JVM; TestChain stops it at exit.
    }
}

package io.tideline.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The local EVM chain of a test JVM: one Hardhat node (chain id 31337) with Uniswap v3 deployed on it, started by
 * {@code deploy/chain/start-chain.sh} on a free port the first time {@link #shared()} is called and stopped when the
 * JVM exits. Needs Node.js 18+ and npm ({@code ./platform test} installs the chain's npm packages beforehand).
 *
 * <p>The chain is shared by every test class in the JVM and lives as long as the JVM: a test sees the blocks,
 * positions and prices the tests before it left behind. So a test must not assume absolute block numbers (compare
 * with {@link #blockNumber()} read at its start), that it owns the only position (use the token ids it minted
 * itself), or any pool price (move it where it needs it). A test that turns automining off or reverts to a snapshot
 * must restore the chain before it ends, or the tests after it see a stalled or rewound chain.
 */
public final class TestChain {

    private static final System.Logger LOG = System.getLogger(TestChain.class.getName());
    /** JVM-wide, because Quarkus loads test resources and tests in different class loaders. */
    private static final String RPC_PROPERTY = "tideline.test.chain.rpc";
    private static final String DEPLOYMENT_PROPERTY = "tideline.test.chain.deployment";

    private static TestChain shared;
    private static RuntimeException startFailure;

    private final String rpcUrl;
    private final JsonRpcClient rpc;
    private final ChainDeployment deployment;
    private final long chainId;

    private TestChain(String rpcUrl, ChainDeployment deployment) {
        this.rpcUrl = rpcUrl;
        this.rpc = new JsonRpcClient(rpcUrl);
        this.deployment = deployment;
        this.chainId = rpc.callForLong("eth_chainId", List.of());
    }

    /** The JVM's chain, started on the first call (≈5-8 s; ≈20 s more if {@code npm ci} must run first). */
    public static synchronized TestChain shared() {
        if (shared != null) {
            return shared;
        }
        if (startFailure != null) {
            // Every test class would otherwise wait for its own failed start.
            throw new IllegalStateException("the test chain failed to start earlier in this JVM: "
                    + startFailure.getMessage(), startFailure);
        }
        String startedRpc = System.getProperty(RPC_PROPERTY);
        if (startedRpc != null) {
            shared = new TestChain(startedRpc, ChainDeployment.read(Path.of(System.getProperty(DEPLOYMENT_PROPERTY))));
            return shared;
        }
        try {
            shared = start();
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
        return shared;
    }

    private static TestChain start() {
        long started = System.nanoTime();
        ChainStartScript script = ChainStartScript.inTempDir(FreePorts.next());
        // Before start(): a JVM stopped while the node starts still stops it.
        Runtime.getRuntime().addShutdownHook(new Thread(script::stop, "test-chain-stop"));
        script.start();
        TestChain chain = new TestChain(script.rpcUrl(), ChainDeployment.read(script.deploymentFile()));
        System.setProperty(RPC_PROPERTY, chain.rpcUrl);
        System.setProperty(DEPLOYMENT_PROPERTY, script.deploymentFile().toString());
        LOG.log(System.Logger.Level.INFO, "test chain started at {0} in {1} s (Uniswap v3 deployed, block {2})",
                chain.rpcUrl, String.format("%.1f", Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0),
                Long.toString(chain.blockNumber()));
        return chain;
    }

    /** The node's JSON-RPC URL, e.g. {@code http://127.0.0.1:41234}. */
    public String rpcUrl() {
        return rpcUrl;
    }

    public long chainId() {
        return chainId;
    }

    /** The contracts, pool, tokens, accounts and first position deployed when the chain started. */
    public ChainDeployment deployment() {
        return deployment;
    }

    /** Any JSON-RPC call, for what the helpers below do not cover; returns the answer's {@code result}. */
    public JsonNode send(String method, Object... params) {
        return rpc.call(method, List.of(params));
    }

    public long blockNumber() {
        return rpc.callForLong("eth_blockNumber", List.of());
    }

    /** Mines {@code blocks} empty blocks at once ({@code hardhat_mine}), e.g. to get past a confirmation depth. */
    public void mine(int blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("blocks must be at least 1, was " + blocks);
        }
        rpc.call("hardhat_mine", List.of("0x" + Integer.toHexString(blocks)));
    }

    /** Mines one block with the pending transactions ({@code evm_mine}), for tests that turned automining off. */
    public void mineOne() {
        rpc.call("evm_mine", List.of());
    }

    /**
     * Whether each transaction is mined at once in a block of its own (the default) or waits in the mempool for
     * {@link #mineOne()}, which lets a test put several transactions in one block.
     */
    public void setAutomine(boolean automine) {
        rpc.call("evm_setAutomine", List.of(automine));
    }

    /** Records the chain's state ({@code evm_snapshot}); returns the id to {@link #revert(String)} to. */
    public String snapshot() {
        return rpc.call("evm_snapshot", List.of()).asText();
    }

    /**
     * Rewinds the chain to a snapshot ({@code evm_revert}): blocks, transactions and state after it are gone, as in a
     * reorganisation. A snapshot can be reverted to once; reverting also drops the snapshots taken after it.
     */
    public void revert(String snapshotId) {
        JsonNode reverted = rpc.call("evm_revert", List.of(snapshotId));
        if (!reverted.asBoolean(false)) {
            throw new AssertionError("evm_revert(" + snapshotId + ") answered " + reverted
                    + ": no such snapshot (already reverted to, or dropped by reverting to an earlier one)");
        }
    }
}

package io.tideline.lp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** lp-tracker settings ({@code tideline.lp.*}); every one can be overridden by an environment variable. */
@ConfigMapping(prefix = "tideline.lp")
public interface TrackerConfig {

    Chain chain();

    Sync sync();

    /** Owner wallets watched from the first start (more can be added over HTTP). */
    Optional<List<String>> watchedWallets();

    /** Where positions live. Without an RPC URL and the three contract addresses the tracker does not run. */
    interface Chain {

        @WithDefault("31337")
        long id();

        /** JSON-RPC endpoint of an EVM node, e.g. {@code http://127.0.0.1:8545}. */
        Optional<String> rpcUrl();

        /** The NonfungiblePositionManager whose NFTs are the positions. */
        Optional<String> positionManager();

        /** The UniswapV3Factory the pools come from (pool addresses are derived from it with CREATE2). */
        Optional<String> factory();

        /** A contract with Multicall3's {@code aggregate3}; the batched reads go through it. */
        Optional<String> multicall3();

        /** keccak256 of the pool creation code, as in Uniswap's {@code PoolAddress.POOL_INIT_CODE_HASH}. */
        @WithDefault("0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54")
        String poolInitCodeHash();

        /** Time limit of one JSON-RPC HTTP exchange. */
        @WithDefault("10s")
        Duration rpcTimeout();

        /**
         * What to do when the node's genesis block (block 0) is not the one the checkpoint was taken on, i.e. the node
         * runs another chain (a restarted local chain, a wrong URL): {@code fail} (stop following and say so) or
         * {@code start-over} (retract everything, forget it and follow the new chain from the start block).
         */
        @WithDefault("fail")
        OnNewChain onNewChain();
    }

    interface Sync {

        /** First block looked at when there is no checkpoint yet (the position manager's deployment block is ideal). */
        @WithDefault("0")
        long startBlock();

        /** Blocks a block must be buried under before its logs count. */
        @WithDefault("12")
        int confirmations();

        /** The widest block range one eth_getLogs pass asks for. */
        @WithDefault("2000")
        int maxBlockRange();

        /** Pause between passes once caught up with the chain. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Longest pause between retries while the node or the database fails. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** Calls per aggregate3 (all chunks of one read go out in one HTTP batch). */
        @WithDefault("400")
        int multicallChunk();

        /** LpValued is published at least this often (in block time) per open position, and on every change. */
        @WithDefault("60s")
        Duration valuationInterval();

        /**
         * How far the pool price must have moved, relative to the price of a position's last valuation and as a
         * fraction (0.001 = 10 bp), before a swap alone makes the position due a new LpValued; 0 revalues on every
         * price move. Changes of the position, range exits and entries, and {@link #valuationInterval()} revalue
         * whatever the price did: a position's latest LpValued is at most that interval old, and lags the price by
         * less than this fraction (missing the fees earned since).
         */
        @WithDefault("0.001")
        @DecimalMin("0")
        @DecimalMax("1")
        BigDecimal valuationPriceMove();

        /** How many processed blocks are remembered to find the fork point of a reorg. */
        @WithDefault("512")
        int reorgHistory();

        /** Whether the follower runs (tests of the HTTP API alone turn it off). */
        @WithDefault("true")
        boolean enabled();
    }
}

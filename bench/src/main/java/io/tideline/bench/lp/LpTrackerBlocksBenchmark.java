package io.tideline.bench.lp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.testing.ChainDeployment;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestChain;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import io.tideline.testing.uniswap.UniswapDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * lp-tracker following a real chain: mints N positions on a local Hardhat node with Uniswap v3, starts the packaged
 * lp-tracker (its own PostgreSQL database, the Kafka broker), waits for it to catch up, then mines blocks one at a time
 * — a swap (the price moves: every position in the pool is valued whose valuation price it has moved by the valuation
 * price move or more), an empty block, or a liquidity change of one position — and after each block reads what the
 * follower's pass over it cost from {@code GET /api/v1/lp/sync}.
 *
 * <p>"ms per block" is the follower's whole pass over the block: from asking the node for its head to the committed
 * transaction. It includes waiting for the node, and Hardhat, an EVM written in JavaScript, is far slower than a
 * production node at {@code eth_call}; so the table also splits the pass into the node's part (waiting for answers)
 * and ours (everything else: decoding, lifecycle, valuation, the database transaction).
 *
 * <p>Arguments: {@code [positions=1000] [blocks=150] [warm-up blocks=30] [valuation price move]}; the warm-up blocks
 * (the JIT compiling the tracker) are mined the same way and not counted. The price move, a fraction (0 = revalue on
 * every swap), goes to the tracker as {@code TIDELINE_LP_SYNC_VALUATION_PRICE_MOVE}; without it the tracker's default
 * applies. Run by {@code bench/lp-tracker-blocks.sh}.
 */
public final class LpTrackerBlocksBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CATCH_UP = Duration.ofMinutes(10);
    private static final Duration PER_BLOCK = Duration.ofSeconds(60);
    private static final int TICK_SPACING = 60; // the deployment's pool: fee 0.3 %

    private LpTrackerBlocksBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int positions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Optional<String> priceMove = args.length > 3 ? Optional.of(new BigDecimal(args[3]).toPlainString())
                : Optional.empty();
        try {
            run(positions, blocks, warmUp, priceMove);
        } finally {
            // The broker a benchmark may have started in this JVM runs non-daemon threads.
            System.exit(0);
        }
    }

    private static void run(int positions, int blocks, int warmUp, Optional<String> priceMove) throws Exception {
        Path jar = Path.of("lp-tracker", "target", "quarkus-app", "quarkus-run.jar");

        say("starting the local chain (Hardhat + Uniswap v3) ...");
        TestChain chain = TestChain.shared();
        UniswapDriver uniswap = new UniswapDriver(chain);
        ChainDeployment deployment = chain.deployment();
        String lp = deployment.accounts().owner().address();
        String trader = deployment.accounts().trader().address();
        long startBlock = chain.blockNumber() + 1;
        uniswap.fund(lp, uniswap.weth("1000000"), uniswap.usdc("2500000000"));
        uniswap.fund(trader, uniswap.weth("1000000"), uniswap.usdc("2500000000"));

        say("minting " + positions + " positions (one transaction, one block each) ...");
        long mintStarted = System.nanoTime();
        List<BigInteger> tokenIds = mintPositions(uniswap, lp, positions);
        double mintSeconds = seconds(mintStarted);
        say(String.format(Locale.ROOT, "minted %d positions in %.1f s (blocks %d..%d)", positions, mintSeconds,
                startBlock, chain.blockNumber()));

        TestDatabase database = TestDatabase.create();
        Map<String, String> env = new LinkedHashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("TIDELINE_LP_CHAIN_ID", Long.toString(chain.chainId()));
        env.put("TIDELINE_LP_CHAIN_RPC_URL", chain.rpcUrl());
        env.put("TIDELINE_LP_CHAIN_POSITION_MANAGER", deployment.contracts().positionManager());
        env.put("TIDELINE_LP_CHAIN_FACTORY", deployment.contracts().factory());
        env.put("TIDELINE_LP_CHAIN_MULTICALL3", deployment.contracts().multicall3());
        env.put("TIDELINE_LP_CHAIN_POOL_INIT_CODE_HASH", deployment.pool().initCodeHash());
        env.put("TIDELINE_LP_WATCHED_WALLETS", lp);
        env.put("TIDELINE_LP_SYNC_START_BLOCK", Long.toString(startBlock));
        env.put("TIDELINE_LP_SYNC_CONFIRMATIONS", "0");
        env.put("TIDELINE_LP_SYNC_POLL_INTERVAL", "5ms");
        // Valuations driven by price moves and changes only, so that each block kind is measured on its own.
        env.put("TIDELINE_LP_SYNC_VALUATION_INTERVAL", "24h");
        priceMove.ifPresent(move -> env.put("TIDELINE_LP_SYNC_VALUATION_PRICE_MOVE", move));
        env.put("QUARKUS_LOG_LEVEL", "WARN");

        say("starting lp-tracker (" + jar + ") and letting it catch up ...");
        long catchUpStarted = System.nanoTime();
        try (ServiceProcess tracker = ServiceProcess.start(jar, "1g", env)) {
            long head = chain.blockNumber();
            JsonNode status = awaitCheckpoint(tracker, head, CATCH_UP);
            double catchUpSeconds = seconds(catchUpStarted);
            say(String.format(Locale.ROOT, "caught up with block %d in %.1f s (JVM start included): %d passes, %d RPC"
                    + " round trips", head, catchUpSeconds, status.path("passes").asLong(),
                    status.path("rpcRoundTrips").asLong()));

            say("mining " + warmUp + " + " + blocks + " blocks one at a time (the first " + warmUp + " not counted) ...");
            Map<String, List<PassFigures>> byKind = new LinkedHashMap<>();
            boolean zeroForOne = true;
            for (int i = 0; i < warmUp + blocks; i++) {
                String kind;
                if (i % 10 == 9) {
                    kind = "liquidity change";
                    uniswap.increaseLiquidity(lp, tokenIds.get(i % tokenIds.size()), uniswap.weth("0.001"),
                            uniswap.usdc("2.5"));
                } else if (i % 2 == 0) {
                    kind = "swap";
                    // Alternating directions with one amount keep the price where it was, inside most ranges.
                    uniswap.swapExactInput(trader, zeroForOne, zeroForOne ? uniswap.weth("2") : uniswap.usdc("5000"));
                    zeroForOne = !zeroForOne;
                } else {
                    kind = "empty";
                    chain.mineOne();
                }
                long block = chain.blockNumber();
                JsonNode pass = awaitCheckpoint(tracker, block, PER_BLOCK).path("lastPass");
                if (i >= warmUp) {
                    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(PassFigures.of(pass, block));
                }
            }
            report(positions, priceMove.orElse("not set, lp-tracker's default"), mintSeconds, catchUpSeconds, byKind);
        } finally {
            database.drop();
        }
    }

    /** Ranges of 1 to 20 spacings around the price, their centres spread over ±20 spacings: some are out of range. */
    private static List<BigInteger> mintPositions(UniswapDriver uniswap, String lp, int count) {
        int tick = uniswap.slot0().tick();
        int centre = Math.floorDiv(tick, TICK_SPACING) * TICK_SPACING;
        List<BigInteger> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int halfWidth = (1 + i % 20) * TICK_SPACING;
            int offset = ((i * 7) % 41 - 20) * TICK_SPACING;
            ids.add(uniswap.mint(lp, centre + offset - halfWidth, centre + offset + halfWidth, uniswap.weth("0.5"),
                    uniswap.usdc("1250")).tokenId());
            if ((i + 1) % 200 == 0) {
                say("  " + (i + 1) + " minted");
            }
        }
        return ids;
    }

    private static JsonNode awaitCheckpoint(ServiceProcess tracker, long block, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String body = tracker.body("/api/v1/lp/sync");
            if (!body.isEmpty()) {
                JsonNode status = parse(body);
                if (status.path("checkpoint").asLong(-1) >= block) {
                    return status;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("lp-tracker did not reach block " + block + " within " + timeout
                            + ": " + body + "\n" + tracker.output());
                }
            } else if (!tracker.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("lp-tracker is not answering:\n" + tracker.output());
            }
            Thread.sleep(2);
        }
    }

    private static void report(int positions, String priceMove, double mintSeconds, double catchUpSeconds,
            Map<String, List<PassFigures>> byKind) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Tideline lp-tracker, %d positions in one pool, %d cores, load %s, %s%n",
                positions, Runtime.getRuntime().availableProcessors(), LoadAverage.read(),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "valuation price move (TIDELINE_LP_SYNC_VALUATION_PRICE_MOVE): %s;"
                + " valuation interval 24h%n", priceMove);
        System.out.printf(Locale.ROOT, "setup: %d mints in %.1f s; catch-up over them %.1f s (JVM start included)%n",
                positions, mintSeconds, catchUpSeconds);
        System.out.println("ms per block: the whole pass (p50 .. max); node50 = waiting for the node (p50); ours50/99 ="
                + " the rest (decoding, lifecycle, valuation, database); db50 = the database transaction (p50)");
        System.out.printf(Locale.ROOT, "%-17s %6s %9s %9s %8s %8s %8s %8s %8s %8s %8s %8s %8s%n", "block kind",
                "blocks", "valued/b", "RPC rt/b", "reads/b", "p50 ms", "p90 ms", "p99 ms", "max ms", "node50",
                "ours50", "ours99", "db50");
        List<PassFigures> all = new ArrayList<>();
        byKind.forEach((kind, figures) -> {
            all.addAll(figures);
            System.out.println(PassFigures.row(kind, figures));
        });
        System.out.println(PassFigures.row("all", all));
        long multiBlock = all.stream().filter(f -> f.blocks() != 1).count();
        if (multiBlock > 0) {
            System.out.println("note: " + multiBlock + " passes covered more than one block");
        }
        long maxReads = all.stream().mapToLong(PassFigures::stateReads).max().orElse(0);
        double[] whole = all.stream().mapToDouble(PassFigures::millis).toArray();
        double[] ours = all.stream().mapToDouble(f -> f.millis() - f.rpcMillis()).toArray();
        System.out.printf(Locale.ROOT, "aim: one batched state read round trip per block -> at most %d: %s%n",
                maxReads, maxReads <= 1 ? "meets" : "MISSES");
        System.out.printf(Locale.ROOT, "aim: under 50 ms per block -> whole pass p50 %.1f / p99 %.1f ms: %s;"
                + " our part p50 %.1f / p99 %.1f ms: %s%n",
                PassFigures.percentile(whole, 0.5), PassFigures.percentile(whole, 0.99),
                verdict(whole), PassFigures.percentile(ours, 0.5), PassFigures.percentile(ours, 0.99), verdict(ours));
    }

    private static String verdict(double[] millis) {
        return PassFigures.percentile(millis, 0.99) < 50 ? "meets"
                : PassFigures.percentile(millis, 0.5) < 50 ? "meets at p50, not at p99" : "MISSES";
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON from /api/v1/lp/sync: " + body, e);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void say(String line) {
        System.out.println("[lp-bench] " + line);
    }
}

package io.tideline.lp.chain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpFeesCollected;
import io.tideline.events.lp.LpLiquidityChanged;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpRangeEntered;
import io.tideline.events.lp.LpRangeExited;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.LpValued;
import io.tideline.lp.sync.ChainFollower;
import io.tideline.testing.ChainDeployment;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestChain;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TidelineTestResources;
import io.tideline.testing.uniswap.UniswapDriver;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * lp-tracker against real Uniswap v3 contracts on a local Hardhat chain: every lifecycle step is made with a real
 * transaction, and each state, each event on Kafka and each number is checked against what the contracts report.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ChainTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PositionsOnChainTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final BigInteger WETH = BigInteger.TEN.pow(18);
    private static final BigInteger USDC = BigInteger.TEN.pow(6);

    private static TestChain chain;
    private static ChainDeployment deployment;
    private static UniswapDriver driver;
    private static KafkaTestClient kafka;
    private static String owner;
    private static String trader;

    @Inject
    ChainFollower follower;

    @BeforeAll
    static void connect() {
        chain = TestChain.shared();
        deployment = chain.deployment();
        driver = new UniswapDriver(chain);
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        owner = deployment.accounts().owner().address();
        trader = deployment.accounts().trader().address();
        driver.fund(owner, WETH.multiply(BigInteger.valueOf(100)), USDC.multiply(BigInteger.valueOf(300_000)));
        driver.fund(trader, WETH.multiply(BigInteger.valueOf(100)), USDC.multiply(BigInteger.valueOf(300_000)));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void followsAPositionThroughItsWholeLife() {
        int tick = driver.slot0().tick();
        int lower = floor(tick) - 600;
        int upper = floor(tick) + 660;
        UniswapDriver.LiquidityChange minted = mint(lower, upper);
        String key = key(minted.tokenId());

        LpMinted mintedEvent = single(key, LpMinted.class);
        assertThat(mintedEvent.liquidity()).isEqualTo(minted.liquidity());
        assertThat(mintedEvent.amount0()).isEqualTo(minted.amount0());
        assertThat(mintedEvent.amount1()).isEqualTo(minted.amount1());
        assertThat(mintedEvent.tickLower()).isEqualTo(lower);
        assertThat(mintedEvent.tickUpper()).isEqualTo(upper);
        assertThat(mintedEvent.owner()).isEqualTo(owner.toLowerCase(Locale.ROOT));
        assertThat(mintedEvent.pool()).isEqualTo(deployment.pool().address().toLowerCase(Locale.ROOT));
        assertThat(mintedEvent.at().blockNumber()).isEqualTo(minted.blockNumber());
        assertStatus(minted.tokenId(), "ACTIVE");

        // Out of the range above, then back in.
        driver.swapToTick(trader, upper + 120);
        settle();
        LpRangeExited exited = single(key, LpRangeExited.class);
        assertThat(exited.tick()).isGreaterThanOrEqualTo(upper);
        assertThat(exited.side()).isEqualTo(LpRangeExited.Side.ABOVE);
        assertStatus(minted.tokenId(), "INACTIVE");

        driver.swapToTick(trader, tick);
        settle();
        LpRangeEntered entered = single(key, LpRangeEntered.class);
        assertThat(entered.tick()).isBetween(lower, upper - 1);
        assertStatus(minted.tokenId(), "ACTIVE");

        // Fees owed: our fee-growth valuation against the contract's own answer (a static call of collect).
        UniswapDriver.LiquidityChange added = driver.increaseLiquidity(owner, minted.tokenId(), WETH,
                USDC.multiply(BigInteger.valueOf(2500)));
        settle();
        List<LpLiquidityChanged> changes = all(key, LpLiquidityChanged.class, 1);
        assertThat(changes.get(0).liquidityDelta()).isEqualTo(added.liquidity());
        assertThat(changes.get(0).liquidityAfter()).isEqualTo(minted.liquidity().add(added.liquidity()));
        driver.swapExactInput(trader, true, WETH.divide(BigInteger.TEN));
        driver.swapExactInput(trader, false, USDC.multiply(BigInteger.valueOf(300)));
        long lastTx = chain.blockNumber();
        settle();
        LpValued valued = await().atMost(WAIT).until(() -> latest(key, LpValued.class),
                v -> v != null && v.blockNumber() >= lastTx);
        io.tideline.amm.TokenAmounts owedOnChain = driver.staticCollect(owner, minted.tokenId());
        assertThat(valued.uncollectedFees0()).isEqualTo(owedOnChain.amount0());
        assertThat(valued.uncollectedFees1()).isEqualTo(owedOnChain.amount1());
        assertThat(valued.uncollectedFees0().signum() + valued.uncollectedFees1().signum()).isPositive();
        assertThat(valued.liquidity()).isEqualTo(driver.positions(minted.tokenId()).liquidity());

        UniswapDriver.Collected collected = driver.collect(owner, minted.tokenId(), owner);
        settle();
        LpFeesCollected collectedEvent = single(key, LpFeesCollected.class);
        assertThat(collectedEvent.amount0()).isEqualTo(collected.amount0()).isEqualTo(owedOnChain.amount0());
        assertThat(collectedEvent.amount1()).isEqualTo(collected.amount1()).isEqualTo(owedOnChain.amount1());

        // Remove half, then the rest: closed, with what was withdrawn and the fees earned.
        BigInteger liquidity = minted.liquidity().add(added.liquidity());
        UniswapDriver.LiquidityChange half = driver.decreaseLiquidity(owner, minted.tokenId(),
                liquidity.shiftRight(1));
        UniswapDriver.LiquidityChange rest = driver.decreaseLiquidity(owner, minted.tokenId(),
                liquidity.subtract(liquidity.shiftRight(1)));
        settle();
        LpClosed closed = single(key, LpClosed.class);
        assertThat(closed.reason()).isEqualTo(LpClosed.Reason.LIQUIDITY_REMOVED);
        assertThat(closed.amount0Withdrawn()).isEqualTo(half.amount0().add(rest.amount0()));
        assertThat(closed.amount1Withdrawn()).isEqualTo(half.amount1().add(rest.amount1()));
        assertThat(closed.fees0Collected()).isGreaterThanOrEqualTo(collected.amount0());
        assertThat(closed.fees1Collected()).isGreaterThanOrEqualTo(collected.amount1());
        assertStatus(minted.tokenId(), "CLOSED");

        UniswapDriver.Collected principal = driver.collect(owner, minted.tokenId(), owner);
        driver.burn(owner, minted.tokenId());
        settle();
        List<LpFeesCollected> collects = all(key, LpFeesCollected.class, 2);
        assertThat(collects.get(1).amount0()).isEqualTo(principal.amount0());
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/lp/positions/" + minted.tokenId())
                .then().statusCode(200).body("burned", org.hamcrest.Matchers.equalTo(true)));
        // Burning a closed position closes nothing twice; history keeps every fact in chain order.
        assertThat(all(key, LpClosed.class, 1)).hasSize(1);
        List<String> types = given().get("/api/v1/lp/positions/" + minted.tokenId() + "/history")
                .then().statusCode(200).extract().jsonPath().getList("type");
        assertThat(types).startsWith("LpMinted", "LpRangeExited", "LpRangeEntered", "LpLiquidityChanged",
                "LpFeesCollected", "LpLiquidityChanged", "LpLiquidityChanged", "LpClosed", "LpFeesCollected");
        assertNoDuplicateEvents(key);
    }

    @Test
    void aPositionSentToAForeignWalletIsTransferred() {
        int tick = driver.slot0().tick();
        UniswapDriver.LiquidityChange minted = mint(floor(tick) - 1200, floor(tick) + 1260);
        String key = key(minted.tokenId());
        single(key, LpMinted.class);
        String foreign = deployment.accounts().foreign().address();

        driver.transfer(owner, foreign, minted.tokenId());
        settle();
        LpTransferred transferred = single(key, LpTransferred.class);
        assertThat(transferred.from()).isEqualTo(owner.toLowerCase(Locale.ROOT));
        assertThat(transferred.to()).isEqualTo(foreign.toLowerCase(Locale.ROOT));
        assertThat(transferred.leftWatchedWallets()).isTrue();
        assertStatus(minted.tokenId(), "TRANSFERRED");

        // What the foreign wallet does with it is not ours: no events.
        driver.decreaseLiquidity(foreign, minted.tokenId(), minted.liquidity());
        settle();
        chain.mine(3);
        assertThat(all(key, LpLiquidityChanged.class, 1, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aRestartInTheMiddleOfARangeMissesNothingAndRepeatsNothing() {
        int tick = driver.slot0().tick();
        UniswapDriver.LiquidityChange minted = mint(floor(tick) - 300, floor(tick) + 360);
        String key = key(minted.tokenId());
        single(key, LpMinted.class);

        follower.stop();
        int upper = floor(tick) + 360;
        driver.swapToTick(trader, upper + 60);
        driver.increaseLiquidity(owner, minted.tokenId(), WETH, USDC.multiply(BigInteger.valueOf(2500)));
        driver.swapToTick(trader, tick);
        chain.mine(2);
        follower.start();
        settle();

        single(key, LpRangeExited.class);
        single(key, LpRangeEntered.class);
        single(key, LpLiquidityChanged.class);
        assertStatus(minted.tokenId(), "ACTIVE");
        assertNoDuplicateEvents(key);
    }

    @Test
    void aReorgRetractsTheFactsOfTheLostBlocksAndAppliesTheNewOnes() {
        int tick = driver.slot0().tick();
        String snapshot = chain.snapshot();
        UniswapDriver.LiquidityChange lost = mint(floor(tick) - 900, floor(tick) + 960);
        String lostKey = key(lost.tokenId());
        LpMinted lostMint = single(lostKey, LpMinted.class);

        chain.revert(snapshot);
        // The new chain: another mint (it gets the same token id: the old one never happened), then more blocks
        // than the old chain had, so the follower meets the fork.
        UniswapDriver.LiquidityChange replacement = mint(floor(tick) - 1800, floor(tick) + 1860);
        chain.mine(3);
        settle();

        List<LpFactRetracted> retractions = await().atMost(WAIT).until(() -> all(lostKey, LpFactRetracted.class, 1,
                Duration.ofSeconds(1)), r -> !r.isEmpty());
        UUID lostEventId = eventIds(lostKey, LpMinted.class).get(0);
        assertThat(retractions).anySatisfy(r -> {
            assertThat(r.retractedEventId()).isEqualTo(lostEventId);
            assertThat(r.retractedType()).isEqualTo("LpMinted");
            assertThat(r.at().blockHash()).isEqualTo(lostMint.at().blockHash());
        });
        String newKey = key(replacement.tokenId());
        List<LpMinted> mints = await().atMost(WAIT).until(() -> all(newKey, LpMinted.class, 2, Duration.ofSeconds(1)),
                m -> m.stream().anyMatch(x -> x.tickLower() == floor(tick) - 1800));
        assertThat(mints).anySatisfy(m -> assertThat(m.liquidity()).isEqualTo(replacement.liquidity()));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/lp/positions/" + replacement.tokenId())
                .then().statusCode(200).body("tickLower", org.hamcrest.Matchers.equalTo(floor(tick) - 1800)));
        assertNoDuplicateEvents(newKey);
    }

    @Test
    void aWalletAddedWithABackfillBlockBringsItsEarlierPositionsWithTheirHistory() {
        String foreign = deployment.accounts().foreign().address();
        driver.fund(foreign, WETH.multiply(BigInteger.TEN), USDC.multiply(BigInteger.valueOf(30_000)));
        int tick = driver.slot0().tick();
        boolean wethIsToken0 = deployment.wethIsToken0();
        long before = chain.blockNumber();
        UniswapDriver.LiquidityChange minted = driver.mint(foreign, floor(tick) - 600, floor(tick) + 660,
                wethIsToken0 ? WETH : USDC.multiply(BigInteger.valueOf(2500)),
                wethIsToken0 ? USDC.multiply(BigInteger.valueOf(2500)) : WETH);
        chain.mine(3);
        // The follower has passed the mint (one confirmation) without the wallet: nothing tracked.
        long mintedAndConfirmed = chain.blockNumber() - 1;
        await().atMost(WAIT).until(() -> follower.status().checkpoint() >= mintedAndConfirmed);
        given().get("/api/v1/lp/positions/" + minted.tokenId()).then().statusCode(404);

        try {
            given().contentType("application/json")
                    .body("{\"address\":\"" + foreign + "\",\"label\":\"backfilled\",\"backfillFromBlock\":"
                            + (before + 1) + "}")
                    .post("/api/v1/lp/wallets").then().statusCode(201);
            settle();
            String key = key(minted.tokenId());
            LpMinted backfilled = single(key, LpMinted.class);
            assertThat(backfilled.liquidity()).isEqualTo(minted.liquidity());
            assertThat(backfilled.at().blockNumber()).isEqualTo(minted.blockNumber());
            assertThat(backfilled.owner()).isEqualTo(foreign.toLowerCase(Locale.ROOT));
            assertStatus(minted.tokenId(), "ACTIVE");
            assertNoDuplicateEvents(key);
        } finally {
            // The other tests treat this wallet as foreign (no status check: it must not hide a failure above).
            given().delete("/api/v1/lp/wallets/" + foreign);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private UniswapDriver.LiquidityChange mint(int lower, int upper) {
        BigInteger amountWeth = WETH;
        BigInteger amountUsdc = USDC.multiply(BigInteger.valueOf(2500));
        boolean wethIsToken0 = deployment.wethIsToken0();
        UniswapDriver.LiquidityChange minted = driver.mint(owner, lower, upper, wethIsToken0 ? amountWeth : amountUsdc,
                wethIsToken0 ? amountUsdc : amountWeth);
        settle();
        return minted;
    }

    /** One confirmation: the tracker acts on a block once another is on top of it. */
    private static void settle() {
        chain.mineOne();
    }

    private static int floor(int tick) {
        return Math.floorDiv(tick, 60) * 60;
    }

    private static String key(BigInteger tokenId) {
        return chain.chainId() + ":" + deployment.contracts().positionManager().toLowerCase(Locale.ROOT) + ":"
                + tokenId;
    }

    private static void assertStatus(BigInteger tokenId, String status) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/lp/positions/" + tokenId)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(status)));
    }

    private static <T> T single(String key, Class<T> type) {
        List<T> found = all(key, type, 1);
        assertThat(found).as("%s events for %s", type.getSimpleName(), key).isNotEmpty();
        return found.get(0);
    }

    private static <T> T latest(String key, Class<T> type) {
        List<T> found = all(key, type, Integer.MAX_VALUE, Duration.ofSeconds(2));
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    private static <T> List<T> all(String key, Class<T> type, int expected) {
        return all(key, type, expected, WAIT);
    }

    private static <T> List<T> all(String key, Class<T> type, int expected, Duration timeout) {
        return envelopes(key, type, expected, timeout).stream().map(e -> type.cast(e.payload())).toList();
    }

    private static List<UUID> eventIds(String key, Class<?> type) {
        return envelopes(key, type, 1, WAIT).stream().map(EventEnvelope::eventId).toList();
    }

    private static List<EventEnvelope<?>> envelopes(String key, Class<?> type, int expected, Duration timeout) {
        return kafka.read(Topics.LP_POSITIONS.name(), r -> key.equals(r.key())
                        && type.isInstance(CODEC.decode(r.value()).payload()), expected, timeout)
                .stream().<EventEnvelope<?>>map(r -> CODEC.decode(r.value())).toList();
    }

    private static void assertNoDuplicateEvents(String key) {
        List<EventEnvelope<?>> events = kafka.read(Topics.LP_POSITIONS.name(), r -> key.equals(r.key()),
                Integer.MAX_VALUE, Duration.ofSeconds(3)).stream().<EventEnvelope<?>>map(r -> CODEC.decode(r.value()))
                .toList();
        Set<UUID> ids = new HashSet<>();
        for (EventEnvelope<?> e : events) {
            assertThat(ids.add(e.eventId())).as("event %s (%s) published once", e.eventId(), e.type()).isTrue();
        }
    }
}

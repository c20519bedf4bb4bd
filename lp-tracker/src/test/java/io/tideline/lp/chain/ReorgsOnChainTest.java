package io.tideline.lp.chain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.market.PriceObserved;
import io.tideline.lp.sync.ChainFollower;
import io.tideline.testing.TidelineTestResources;
import io.tideline.testing.uniswap.UniswapDriver;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reorgs made on the real local chain by reverting it to a snapshot and mining another branch. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ChainTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReorgsOnChainTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static ChainFixture fx;
    private static LpEvents events;

    @Inject
    ChainFollower follower;

    @ConfigProperty(name = "tideline.lp.sync.start-block")
    long startBlock;

    @ConfigProperty(name = "tideline.lp.sync.reorg-history")
    int reorgHistory;

    @BeforeAll
    static void connect() {
        fx = new ChainFixture();
        events = new LpEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aReorgDeeperThanTheRememberedBlocksRetractsEverythingAboveTheStartBlockAndFollowsTheNewBranch() {
        int c = fx.centerTick();
        UniswapDriver.LiquidityChange kept = fx.mint(c - 2400, c + 2460);
        fx.settle();
        EventEnvelope<LpMinted> keptMint = mintOf(kept);

        String snapshot = fx.chain.snapshot();
        UniswapDriver.LiquidityChange lost = fx.mint(c - 2520, c + 2580);
        fx.settle();
        EventEnvelope<LpMinted> lostMint = mintOf(lost);
        // More blocks than the follower remembers: after it has passed them, it remembers none below the snapshot.
        fx.chain.mine(reorgHistory + 100);
        fx.settle();
        long passed = fx.chain.blockNumber() - 1;
        await().atMost(WAIT).until(() -> follower.status().checkpoint() >= passed);
        long reorgsBefore = follower.status().reorgs();

        fx.chain.revert(snapshot);
        UniswapDriver.LiquidityChange replacement = fx.mint(c - 2640, c + 2700);
        assertThat(replacement.tokenId()).isEqualTo(lost.tokenId());
        fx.chain.mine(reorgHistory + 200);
        fx.settle();

        // Every fact above the start block is retracted, with the block before it as the fork block: the one that
        // stays on the chain too, since the follower cannot tell where the branches part.
        assertRetracted(fx.key(kept.tokenId()), keptMint);
        assertRetracted(fx.key(lost.tokenId()), lostMint);
        // Then the chain is followed again from the start block: what stayed is published again under a new id,
        // the new branch's mint for the first time.
        List<EventEnvelope<LpMinted>> keptAgain = events.positions(fx.key(kept.tokenId()), LpMinted.class,
                m -> m.at().blockHash().equals(keptMint.payload().at().blockHash()), 2, WAIT);
        assertThat(keptAgain).hasSize(2);
        assertThat(keptAgain.get(1).eventId()).isNotEqualTo(keptMint.eventId());
        assertThat(keptAgain.get(1).payload()).isEqualTo(keptMint.payload());
        String replacementBlock = fx.blockHash(replacement.blockNumber());
        LpMinted replaced = events.positions(fx.key(replacement.tokenId()), LpMinted.class,
                m -> m.at().blockHash().equals(replacementBlock), 1, WAIT).get(0).payload();
        assertThat(replaced.tickLower()).isEqualTo(c - 2640);
        assertThat(replaced.liquidity()).isEqualTo(replacement.liquidity());

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/lp/positions/" + replacement.tokenId())
                .then().statusCode(200).body("tickLower", Matchers.equalTo(c - 2640)));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/lp/positions/" + kept.tokenId())
                .then().statusCode(200).body("status", Matchers.equalTo("ACTIVE")));
        assertThat(follower.status().reorgs()).isGreaterThan(reorgsBefore);
        assertThat(follower.status().failing()).isFalse();
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aReorgThatPutsAnotherSwapAtTheSameHeightPublishesItsPrice() {
        int c = fx.centerTick();
        fx.mint(c - 600, c + 660); // the pool is followed
        fx.settle();
        String snapshot = fx.chain.snapshot();
        UniswapDriver.Swapped first = fx.driver.swapToTick(fx.trader, c + 120);
        fx.settle();
        price(first);

        fx.chain.revert(snapshot);
        UniswapDriver.Swapped second = fx.driver.swapToTick(fx.trader, c - 120);
        assertThat(second.blockNumber()).isEqualTo(first.blockNumber());
        fx.chain.mine(3);

        PriceObserved replaced = price(second);
        assertThat(replaced.tick()).isEqualTo(second.tick());
        await().atMost(WAIT).until(() -> follower.status().checkpoint() >= second.blockNumber() + 1);
        assertThat(follower.status().failing()).isFalse();
    }

    private EventEnvelope<LpMinted> mintOf(UniswapDriver.LiquidityChange minted) {
        String block = fx.blockHash(minted.blockNumber());
        List<EventEnvelope<LpMinted>> found = events.positions(fx.key(minted.tokenId()), LpMinted.class,
                m -> m.at().blockHash().equals(block) && m.liquidity().equals(minted.liquidity()), 1, WAIT);
        assertThat(found).as("LpMinted of %s", minted.tokenId()).isNotEmpty();
        return found.get(0);
    }

    private void assertRetracted(String key, EventEnvelope<LpMinted> mint) {
        List<EventEnvelope<LpFactRetracted>> retractions = events.positions(key, LpFactRetracted.class,
                r -> r.retractedEventId().equals(mint.eventId()), 1, WAIT);
        assertThat(retractions).as("retraction of %s", mint.eventId()).hasSize(1);
        LpFactRetracted retraction = retractions.get(0).payload();
        assertThat(retraction.retractedType()).isEqualTo("LpMinted");
        assertThat(retraction.at()).isEqualTo(mint.payload().at());
        assertThat(retraction.forkBlock()).isEqualTo(startBlock - 1);
    }

    private PriceObserved price(UniswapDriver.Swapped swap) {
        // PriceObserved names no block hash: its block's time tells this run's from an earlier run's.
        Instant time = fx.blockTime(swap.blockNumber());
        List<EventEnvelope<PriceObserved>> found = events.prices(fx.poolKey(), PriceObserved.class,
                p -> p.blockNumber() == swap.blockNumber() && p.sqrtPriceX96().equals(swap.sqrtPriceX96())
                        && p.observedAt().equals(time), 1, WAIT);
        assertThat(found).as("PriceObserved at block %d, sqrtPriceX96 %s", swap.blockNumber(), swap.sqrtPriceX96())
                .isNotEmpty();
        return found.get(0).payload();
    }
}

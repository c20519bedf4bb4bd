package io.tideline.lp.chain;

import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import io.tideline.testing.TestChain;
import io.tideline.testing.uniswap.CallReverted;
import io.tideline.testing.uniswap.UniswapDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proves {@link UniswapDriver} against a real Hardhat chain with Uniswap v3: every operation is a mined transaction
 * whose effect the contracts confirm. The chain is shared with other test classes, so each test mints its own
 * positions around whatever the price is when it starts.
 */
class UniswapDriverTest {

    private static final int SPACING = 60;

    private static TestChain chain;
    private static UniswapDriver driver;
    private static String lp;
    private static String trader;
    private static String foreign;

    @BeforeAll
    static void fundAccounts() {
        chain = TestChain.shared();
        driver = new UniswapDriver(chain);
        lp = chain.deployment().accounts().owner().address();
        trader = chain.deployment().accounts().trader().address();
        foreign = chain.deployment().accounts().foreign().address();
        driver.fund(lp, driver.weth("1000"), driver.usdc("2500000"));
        driver.fund(trader, driver.weth("10000"), driver.usdc("25000000"));
    }

    @Test
    void mintedPositionIsWhatThePositionManagerRecords() {
        int center = centerTick();

        UniswapDriver.LiquidityChange minted = mintAround(center, 600);

        UniswapDriver.NftPosition position = driver.positions(minted.tokenId());
        assertThat(position.token0()).isEqualTo(chain.deployment().pool().token0());
        assertThat(position.token1()).isEqualTo(chain.deployment().pool().token1());
        assertThat(position.fee()).isEqualTo(UniswapDriver.FEE);
        assertThat(position.tickLower()).isEqualTo(center - 600);
        assertThat(position.tickUpper()).isEqualTo(center + 600);
        assertThat(position.liquidity()).isEqualTo(minted.liquidity()).isPositive();
        assertThat(position.tokensOwed0()).isZero();
        assertThat(minted.amount0()).isPositive();
        assertThat(minted.amount1()).isPositive();
        assertThat(driver.ownerOf(minted.tokenId())).isEqualTo(lp);
        assertThat(minted.blockNumber()).isEqualTo(chain.blockNumber());
    }

    @Test
    void positionLivesFromMintThroughSwapsAndCollectsToBurn() {
        int center = centerTick();
        UniswapDriver.LiquidityChange minted = mintAround(center, 600);
        BigInteger tokenId = minted.tokenId();

        // Out of range above, then back in: the swaps cross the whole range both ways and pay fees in both tokens.
        UniswapDriver.Swapped above = driver.swapToTick(trader, center + 660);
        assertThat(above.tick()).isGreaterThanOrEqualTo(center + 600);
        assertThat(driver.slot0().tick()).isEqualTo(above.tick());
        UniswapDriver.Swapped below = driver.swapToTick(trader, center - 630);
        assertThat(below.tick()).isLessThan(center - 600);
        UniswapDriver.Swapped back = driver.swapToTick(trader, center + 30);
        assertThat(back.tick()).isEqualTo(center + 30);
        assertThat(back.sqrtPriceX96()).isEqualTo(TickMath.getSqrtRatioAtTick(center + 30));

        UniswapDriver.LiquidityChange increased = driver.increaseLiquidity(lp, tokenId, driver.weth("1"),
                driver.usdc("2500"));
        assertThat(increased.tokenId()).isEqualTo(tokenId);
        BigInteger liquidity = minted.liquidity().add(increased.liquidity());
        assertThat(driver.positions(tokenId).liquidity()).isEqualTo(liquidity);
        BigInteger half = liquidity.shiftRight(1);
        UniswapDriver.LiquidityChange decreased = driver.decreaseLiquidity(lp, tokenId, half);
        assertThat(decreased.liquidity()).isEqualTo(half);
        assertThat(driver.positions(tokenId).liquidity()).isEqualTo(liquidity.subtract(half));

        TokenAmounts owed = driver.staticCollect(lp, tokenId);
        assertThat(owed.amount0()).isGreaterThan(decreased.amount0());
        assertThat(owed.amount1()).isGreaterThan(decreased.amount1());
        UniswapDriver.Collected collected = driver.collect(lp, tokenId, lp);
        assertThat(collected.amounts()).isEqualTo(owed);
        assertThat(collected.recipient()).isEqualTo(lp);
        assertThat(driver.staticCollect(lp, tokenId)).isEqualTo(new TokenAmounts(BigInteger.ZERO, BigInteger.ZERO));

        UniswapDriver.LiquidityChange emptied = driver.decreaseLiquidity(lp, tokenId, liquidity.subtract(half));
        assertThat(driver.positions(tokenId).liquidity()).isZero();
        UniswapDriver.Collected rest = driver.collect(lp, tokenId, lp);
        assertThat(rest.amounts()).isEqualTo(new TokenAmounts(emptied.amount0(), emptied.amount1()));

        driver.burn(lp, tokenId);
        assertThatThrownBy(() -> driver.positions(tokenId)).isInstanceOf(CallReverted.class)
                .hasMessageContaining("Invalid token ID");
        assertThatThrownBy(() -> driver.ownerOf(tokenId)).isInstanceOf(CallReverted.class);
    }

    @Test
    void burningAPositionWithLiquidityIsRefused() {
        BigInteger tokenId = mintAround(centerTick(), 600).tokenId();

        assertThatThrownBy(() -> driver.burn(lp, tokenId)).isInstanceOf(CallReverted.class)
                .hasMessageContaining("Not cleared");
    }

    @Test
    void transferMovesThePositionToTheForeignAccount() {
        BigInteger tokenId = mintAround(centerTick(), 1200).tokenId();

        driver.transfer(lp, foreign, tokenId);

        assertThat(driver.ownerOf(tokenId)).isEqualTo(foreign);
        assertThatThrownBy(() -> driver.decreaseLiquidity(lp, tokenId, BigInteger.ONE))
                .isInstanceOf(CallReverted.class).hasMessageContaining("Not approved");
    }

    @Test
    void swapExactInputMovesThePriceTheWayOfTheTokenSold() {
        UniswapDriver.Slot0 before = driver.slot0();
        BigInteger oneWethIn = driver.weth("1");
        boolean zeroForOne = chain.deployment().wethIsToken0();

        UniswapDriver.Swapped sold = driver.swapExactInput(trader, zeroForOne, oneWethIn);

        assertThat(zeroForOne ? sold.amount0() : sold.amount1()).isEqualTo(oneWethIn);
        assertThat((zeroForOne ? sold.amount1() : sold.amount0()).signum()).isNegative();
        assertThat(sold.sqrtPriceX96().compareTo(before.sqrtPriceX96())).isEqualTo(zeroForOne ? -1 : 1);
        assertThat(driver.slot0()).isEqualTo(new UniswapDriver.Slot0(sold.sqrtPriceX96(), sold.tick()));
    }

    @Test
    void revertingToASnapshotForgetsAMint() {
        long before = chain.blockNumber();
        String snapshot = chain.snapshot();
        BigInteger tokenId = mintAround(centerTick(), 600).tokenId();
        assertThat(driver.ownerOf(tokenId)).isEqualTo(lp);

        chain.revert(snapshot);

        assertThat(chain.blockNumber()).isEqualTo(before);
        assertThatThrownBy(() -> driver.positions(tokenId)).isInstanceOf(CallReverted.class)
                .hasMessageContaining("Invalid token ID");
    }

    @Test
    void minesBlocksOnDemand() {
        long start = chain.blockNumber();
        chain.mine(5);
        assertThat(chain.blockNumber()).isEqualTo(start + 5);

        chain.setAutomine(false);
        try {
            chain.mineOne();
            assertThat(chain.blockNumber()).isEqualTo(start + 6);
        } finally {
            chain.setAutomine(true);
        }
    }

    /** The current tick rounded down to the pool's tick spacing, so that ranges around it are valid. */
    private static int centerTick() {
        return Math.floorDiv(driver.slot0().tick(), SPACING) * SPACING;
    }

    /** A position of about 10 TWETH and 25,000 TUSDC, {@code halfWidth} ticks either side of {@code center}. */
    private static UniswapDriver.LiquidityChange mintAround(int center, int halfWidth) {
        BigInteger weth = driver.weth("10");
        BigInteger usdc = driver.usdc("25000");
        boolean wethIsToken0 = chain.deployment().wethIsToken0();
        return driver.mint(lp, center - halfWidth, center + halfWidth, wethIsToken0 ? weth : usdc,
                wethIsToken0 ? usdc : weth);
    }
}

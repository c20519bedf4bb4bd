package io.tideline.lp.chain;

import io.tideline.testing.ChainDeployment;
import io.tideline.testing.TestChain;
import io.tideline.testing.uniswap.UniswapDriver;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;

/**
 * The shared test chain as lp-tracker's chain tests use it: the watched owner (funded) who mints, a trader who moves
 * the price, positions keyed as lp-tracker keys them.
 */
final class ChainFixture {

    static final BigInteger WETH = BigInteger.TEN.pow(18);
    static final BigInteger USDC = BigInteger.TEN.pow(6);

    final TestChain chain = TestChain.shared();
    final ChainDeployment deployment = chain.deployment();
    final UniswapDriver driver = new UniswapDriver(chain);
    final String owner = deployment.accounts().owner().address();
    final String trader = deployment.accounts().trader().address();

    ChainFixture() {
        driver.fund(owner, WETH.multiply(BigInteger.valueOf(100)), USDC.multiply(BigInteger.valueOf(300_000)));
        driver.fund(trader, WETH.multiply(BigInteger.valueOf(100)), USDC.multiply(BigInteger.valueOf(300_000)));
    }

    /** A position of the owner's: about 1 TWETH and 2,500 TUSDC desired. */
    UniswapDriver.LiquidityChange mint(int lower, int upper) {
        boolean wethIsToken0 = deployment.wethIsToken0();
        return driver.mint(owner, lower, upper, wethIsToken0 ? WETH : usdc(2500), wethIsToken0 ? usdc(2500) : WETH);
    }

    /** About 1 TWETH and 2,500 TUSDC more into a position. */
    UniswapDriver.LiquidityChange increase(BigInteger tokenId) {
        boolean wethIsToken0 = deployment.wethIsToken0();
        return driver.increaseLiquidity(owner, tokenId, wethIsToken0 ? WETH : usdc(2500),
                wethIsToken0 ? usdc(2500) : WETH);
    }

    /** One confirmation: the tracker acts on a block once another is on top of it. */
    void settle() {
        chain.mineOne();
    }

    /** A block's hash: unlike block numbers and tx hashes, never the same on the chains of two test runs. */
    String blockHash(long block) {
        return chain.send("eth_getBlockByNumber", "0x" + Long.toHexString(block), false).get("hash").asText();
    }

    /** A block's time. */
    Instant blockTime(long block) {
        return Instant.ofEpochSecond(Long.decode(chain.send("eth_getBlockByNumber", "0x" + Long.toHexString(block),
                false).get("timestamp").asText()));
    }

    /** The current tick rounded down to the pool's spacing. */
    int centerTick() {
        return Math.floorDiv(driver.slot0().tick(), deployment.pool().tickSpacing()) * deployment.pool().tickSpacing();
    }

    String key(BigInteger tokenId) {
        return chain.chainId() + ":" + deployment.contracts().positionManager().toLowerCase(Locale.ROOT) + ":"
                + tokenId;
    }

    String poolKey() {
        return chain.chainId() + ":" + deployment.pool().address().toLowerCase(Locale.ROOT);
    }

    int decimals0() {
        return deployment.wethIsToken0() ? deployment.tokens().weth().decimals()
                : deployment.tokens().usdc().decimals();
    }

    int decimals1() {
        return deployment.wethIsToken0() ? deployment.tokens().usdc().decimals()
                : deployment.tokens().weth().decimals();
    }

    private static BigInteger usdc(long whole) {
        return USDC.multiply(BigInteger.valueOf(whole));
    }
}

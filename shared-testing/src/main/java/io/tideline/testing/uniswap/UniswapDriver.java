package io.tideline.testing.uniswap;

import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import io.tideline.testing.ChainDeployment;
import io.tideline.testing.TestChain;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Drives the Uniswap v3 market of a {@link TestChain} with real transactions, as a liquidity provider and a trader
 * would: funds accounts, mints and changes positions, collects, burns and transfers them, and moves the pool's price.
 * Every transaction is sent from one of the node's unlocked dev accounts ({@code from}), waited for and checked to
 * have succeeded; one the chain refuses throws {@link CallReverted}. Amounts are raw token units (see
 * {@link #weth(String)}), in the pool's token0/token1 order where a method says so.
 */
public final class UniswapDriver {

    /** The deployment's pool: 0.3 %. */
    public static final int FEE = 3000;
    /** 2100-01-01: no deadline expires, however far a test moves the chain's clock. */
    private static final BigInteger DEADLINE = BigInteger.valueOf(4_102_444_800L);

    private final ChainDeployment deployment;
    private final DevAccountTransactions chain;

    public UniswapDriver(TestChain chain) {
        this.deployment = chain.deployment();
        this.chain = new DevAccountTransactions(Web3j.build(new HttpService(chain.rpcUrl())));
    }

    public ChainDeployment deployment() {
        return deployment;
    }

    /** {@code amount} TWETH (e.g. "1.5") in raw units. */
    public BigInteger weth(String amount) {
        return raw(amount, deployment.tokens().weth());
    }

    /** {@code amount} TUSDC (e.g. "2500") in raw units. */
    public BigInteger usdc(String amount) {
        return raw(amount, deployment.tokens().usdc());
    }

    /**
     * Mints both tokens to {@code account} (sent by the owner, who holds MINTER_ROLE) and lets the position manager
     * and the router spend all of the account's tokens, so that it can mint positions and swap.
     */
    public void fund(String account, BigInteger amountWeth, BigInteger amountUsdc) {
        String owner = deployment.accounts().owner().address();
        String weth = deployment.tokens().weth().address();
        String usdc = deployment.tokens().usdc().address();
        chain.send("mint TWETH to " + account, owner, weth, TokenCalls.mint(account, amountWeth));
        chain.send("mint TUSDC to " + account, owner, usdc, TokenCalls.mint(account, amountUsdc));
        for (String token : new String[] {weth, usdc}) {
            for (String spender : new String[] {positionManager(), router()}) {
                chain.send("approve " + spender + " for " + account, account, token,
                        TokenCalls.approve(spender, TokenCalls.MAX_UINT256));
            }
        }
    }

    /** Opens a position in the deployment's pool owned by {@code owner}, who pays for it; no slippage minimum. */
    public LiquidityChange mint(String owner, int tickLower, int tickUpper, BigInteger amount0Desired,
                                BigInteger amount1Desired) {
        ChainDeployment.Pool pool = deployment.pool();
        TransactionReceipt receipt = chain.send("mint position", owner, positionManager(),
                PositionManagerCalls.mint(pool.token0(), pool.token1(), FEE, tickLower, tickUpper, amount0Desired,
                        amount1Desired, owner, DEADLINE));
        return PositionManagerCalls.increased(receipt, positionManager());
    }

    /** Adds liquidity to a position; anyone may, paying with their own tokens. */
    public LiquidityChange increaseLiquidity(String from, BigInteger tokenId, BigInteger amount0Desired,
                                             BigInteger amount1Desired) {
        TransactionReceipt receipt = chain.send("increaseLiquidity(" + tokenId + ")", from, positionManager(),
                PositionManagerCalls.increaseLiquidity(tokenId, amount0Desired, amount1Desired, DEADLINE));
        return PositionManagerCalls.increased(receipt, positionManager());
    }

    /** Removes liquidity; the amounts become owed to the position until {@link #collect}. Owner or approved only. */
    public LiquidityChange decreaseLiquidity(String from, BigInteger tokenId, BigInteger liquidity) {
        TransactionReceipt receipt = chain.send("decreaseLiquidity(" + tokenId + ")", from, positionManager(),
                PositionManagerCalls.decreaseLiquidity(tokenId, liquidity, DEADLINE));
        return PositionManagerCalls.decreased(receipt, positionManager());
    }

    /** Pays everything the position is owed (fees and removed liquidity) to {@code recipient}. */
    public Collected collect(String from, BigInteger tokenId, String recipient) {
        TransactionReceipt receipt = chain.send("collect(" + tokenId + ")", from, positionManager(),
                PositionManagerCalls.collectAll(tokenId, recipient));
        return PositionManagerCalls.collected(receipt, positionManager());
    }

    /**
     * What {@link #collect} would pay now, fees accrued since the last update included: {@code collect} simulated with
     * {@code eth_call} (the position manager first pokes the pool to bring the fees up to date), as the Uniswap
     * interface shows "fees owed". {@code from} must be allowed to collect (the owner or an approved account).
     */
    public TokenAmounts staticCollect(String from, BigInteger tokenId) {
        return PositionManagerCalls.decodeCollect(chain.call("collect(" + tokenId + ") simulated", from,
                positionManager(), PositionManagerCalls.collectAll(tokenId, from)));
    }

    /**
     * What {@link #decreaseLiquidity} would credit now, simulated with {@code eth_call} as {@code from} (the owner or
     * an approved account): the amounts removing {@code liquidity} would pay out, rounded down.
     */
    public TokenAmounts staticDecreaseLiquidity(String from, BigInteger tokenId, BigInteger liquidity) {
        return PositionManagerCalls.decodeCollect(chain.call("decreaseLiquidity(" + tokenId + ") simulated", from,
                positionManager(), PositionManagerCalls.decreaseLiquidity(tokenId, liquidity, DEADLINE)));
    }

    /** The deployment pool's in-range liquidity ({@code liquidity()}). */
    public BigInteger poolLiquidity() {
        return PoolCalls.decodeUint(chain.call("liquidity", reader(), deployment.pool().address(),
                PoolCalls.liquidity()));
    }

    /** The deployment pool's {@code feeGrowthGlobal0X128} ({@code token} 0) or {@code feeGrowthGlobal1X128} (1). */
    public BigInteger feeGrowthGlobalX128(int token) {
        return PoolCalls.decodeUint(chain.call("feeGrowthGlobal" + token, reader(), deployment.pool().address(),
                PoolCalls.feeGrowthGlobal(token)));
    }

    /** The deployment pool's record of a tick ({@code ticks(tick)}); all zero for an uninitialized one. */
    public TickInfo tick(int tick) {
        return PoolCalls.decodeTick(chain.call("ticks(" + tick + ")", reader(), deployment.pool().address(),
                PoolCalls.ticks(tick)));
    }

    /** Burns the position's NFT; the position manager requires no liquidity and nothing owed left. */
    public TransactionReceipt burn(String from, BigInteger tokenId) {
        return chain.send("burn(" + tokenId + ")", from, positionManager(), PositionManagerCalls.burn(tokenId));
    }

    /** Moves the position's NFT ({@code safeTransferFrom}: {@code to} is an account, so no receiver check). */
    public TransactionReceipt transfer(String from, String to, BigInteger tokenId) {
        return chain.send("transfer(" + tokenId + ") to " + to, from, positionManager(),
                PositionManagerCalls.safeTransferFrom(from, to, tokenId));
    }

    /** The NFT's owner; {@link CallReverted} for a burned or never minted token id. */
    public String ownerOf(BigInteger tokenId) {
        return PositionManagerCalls.decodeOwnerOf(chain.call("ownerOf(" + tokenId + ")", reader(),
                positionManager(), PositionManagerCalls.ownerOf(tokenId)));
    }

    /** The position manager's record of a position; {@link CallReverted} ("Invalid token ID") once burned. */
    public NftPosition positions(BigInteger tokenId) {
        return PositionManagerCalls.decodePositions(chain.call("positions(" + tokenId + ")", reader(),
                positionManager(), PositionManagerCalls.positions(tokenId)));
    }

    /** The deployment pool's current price and tick. */
    public Slot0 slot0() {
        return PoolCalls.decodeSlot0(chain.call("slot0", reader(), deployment.pool().address(), PoolCalls.slot0()));
    }

    public BigInteger balanceOf(String token, String account) {
        return TokenCalls.decodeBalance(chain.call("balanceOf(" + account + ")", reader(), token,
                TokenCalls.balanceOf(account)));
    }

    /** Sells exactly {@code amountIn} of token0 ({@code zeroForOne}, the price falls) or of token1 (it rises). */
    public Swapped swapExactInput(String from, boolean zeroForOne, BigInteger amountIn) {
        return swap(from, zeroForOne, amountIn, BigInteger.ZERO);
    }

    /**
     * Swaps until the pool's price is exactly {@code TickMath.getSqrtRatioAtTick(targetTick)}, selling as much of
     * {@code from}'s token0 (target below the price) or token1 (above) as that takes. The resulting slot0 tick is
     * {@code targetTick}, or {@code targetTick - 1} when the price came down onto an initialised tick or a tick-bitmap
     * word boundary (Uniswap then stands just below it). Throws if {@code from} runs out of tokens first.
     */
    public Swapped swapToTick(String from, int targetTick) {
        BigInteger target = TickMath.getSqrtRatioAtTick(targetTick);
        int direction = target.compareTo(slot0().sqrtPriceX96());
        if (direction == 0) {
            throw new IllegalArgumentException("the pool's price is already at tick " + targetTick);
        }
        boolean zeroForOne = direction < 0; // price = token1 per token0: selling token0 lowers it
        String tokenIn = zeroForOne ? deployment.pool().token0() : deployment.pool().token1();
        // The router takes only what reaching the limit price needs, so offering everything is safe.
        BigInteger balance = balanceOf(tokenIn, from);
        if (balance.signum() == 0) {
            throw new IllegalStateException(from + " holds none of " + tokenIn + " to swap with: fund() it first");
        }
        Swapped swapped = swap(from, zeroForOne, balance, target);
        if (!swapped.sqrtPriceX96().equals(target)) {
            throw new IllegalStateException("the swap to tick " + targetTick + " stopped at tick " + swapped.tick()
                    + ": " + from + " ran out of " + tokenIn + " (sold " + balance + "); fund() it with more");
        }
        return swapped;
    }

    private Swapped swap(String from, boolean zeroForOne, BigInteger amountIn, BigInteger sqrtPriceLimitX96) {
        ChainDeployment.Pool pool = deployment.pool();
        String tokenIn = zeroForOne ? pool.token0() : pool.token1();
        String tokenOut = zeroForOne ? pool.token1() : pool.token0();
        TransactionReceipt receipt = chain.send("swap " + amountIn + " of " + tokenIn, from, router(),
                SwapRouterCalls.exactInputSingle(tokenIn, tokenOut, FEE, from, DEADLINE, amountIn,
                        sqrtPriceLimitX96));
        return PoolCalls.swapped(receipt, pool.address());
    }

    private String positionManager() {
        return deployment.contracts().positionManager();
    }

    private String router() {
        return deployment.contracts().swapRouter();
    }

    /** The sender of read-only calls, whose answer does not depend on it. */
    private String reader() {
        return deployment.accounts().owner().address();
    }

    private static BigInteger raw(String amount, ChainDeployment.Token token) {
        return new BigDecimal(amount).movePointRight(token.decimals()).toBigIntegerExact();
    }

    /** A mint, increase or decrease of liquidity (for a mint: the new token id), from the position manager's event. */
    public record LiquidityChange(BigInteger tokenId, BigInteger liquidity, BigInteger amount0, BigInteger amount1,
                                  long blockNumber, String txHash) {
    }

    /** What a {@code collect} paid, from the position manager's Collect event. */
    public record Collected(BigInteger tokenId, String recipient, BigInteger amount0, BigInteger amount1,
                            long blockNumber, String txHash) {

        public TokenAmounts amounts() {
            return new TokenAmounts(amount0, amount1);
        }
    }

    /** The 12 fields of NonfungiblePositionManager.positions(tokenId). Addresses checksummed. */
    public record NftPosition(BigInteger nonce, String operator, String token0, String token1, int fee, int tickLower,
                              int tickUpper, BigInteger liquidity, BigInteger feeGrowthInside0LastX128,
                              BigInteger feeGrowthInside1LastX128, BigInteger tokensOwed0, BigInteger tokensOwed1) {
    }

    public record Slot0(BigInteger sqrtPriceX96, int tick) {
    }

    /** The first four fields of a pool's {@code ticks(tick)}. */
    public record TickInfo(BigInteger liquidityGross, BigInteger liquidityNet, BigInteger feeGrowthOutside0X128,
                           BigInteger feeGrowthOutside1X128) {
    }

    /**
     * A swap, from the pool's Swap event: the pool's token deltas (positive = paid into the pool, negative = paid
     * out) and the price, in-range liquidity and tick after it.
     */
    public record Swapped(BigInteger amount0, BigInteger amount1, BigInteger sqrtPriceX96, BigInteger liquidity,
                          int tick, long blockNumber, String txHash) {
    }
}

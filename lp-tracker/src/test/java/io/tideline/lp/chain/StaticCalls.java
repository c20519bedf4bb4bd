package io.tideline.lp.chain;

import io.tideline.amm.TokenAmounts;
import io.tideline.testing.TestChain;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * What the Uniswap contracts themselves answer at a past block, by {@code eth_call} (encoded with web3j, independent
 * of lp-tracker's own ABI code): what a position would pay out if its liquidity were removed
 * ({@code decreaseLiquidity}) and then collected ({@code collect}), simulated as its owner, and the pool's price.
 */
final class StaticCalls {

    private static final BigInteger MAX_UINT128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger DEADLINE = BigInteger.valueOf(4_102_444_800L);

    private final TestChain chain;
    private final String positionManager;
    private final String pool;

    StaticCalls(TestChain chain) {
        this.chain = chain;
        this.positionManager = chain.deployment().contracts().positionManager();
        this.pool = chain.deployment().pool().address();
    }

    /** {@code decreaseLiquidity(tokenId, liquidity)} simulated by {@code owner} at {@code block}: what it credits. */
    TokenAmounts decreaseLiquidity(String owner, BigInteger tokenId, BigInteger liquidity, long block) {
        return amounts(call(owner, positionManager, new Function("decreaseLiquidity", List.of(new StaticStruct(
                new Uint256(tokenId), new Uint128(liquidity), new Uint256(0), new Uint256(0), new Uint256(DEADLINE))),
                List.of()), block));
    }

    /** {@code collect(tokenId, everything)} simulated by {@code owner} at {@code block}: all the position is owed. */
    TokenAmounts collect(String owner, BigInteger tokenId, long block) {
        return amounts(call(owner, positionManager, new Function("collect", List.of(new StaticStruct(
                new Uint256(tokenId), new Address(owner), new Uint128(MAX_UINT128), new Uint128(MAX_UINT128))),
                List.of()), block));
    }

    /** The pool's {@code slot0().sqrtPriceX96} at the end of {@code block}. */
    BigInteger sqrtPriceX96(long block) {
        List<Type<?>> v = decode(call(owner(), pool, new Function("slot0", List.of(), List.of()), block),
                List.of(new TypeReference<Uint160>() { }, new TypeReference<Int24>() { }));
        return (BigInteger) v.get(0).getValue();
    }

    private String owner() {
        return chain.deployment().accounts().owner().address();
    }

    private String call(String from, String to, Function function, long block) {
        return chain.send("eth_call", Map.of("from", from, "to", to, "data", FunctionEncoder.encode(function)),
                "0x" + Long.toHexString(block)).asText();
    }

    private static TokenAmounts amounts(String returnData) {
        List<Type<?>> v = decode(returnData,
                List.of(new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }));
        return new TokenAmounts((BigInteger) v.get(0).getValue(), (BigInteger) v.get(1).getValue());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Type<?>> decode(String returnData, List<TypeReference<?>> types) {
        return (List) FunctionReturnDecoder.decode(returnData, (List) types);
    }
}

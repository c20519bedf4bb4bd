package io.tideline.testing.uniswap;

import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.math.BigInteger;
import java.util.List;

import static io.tideline.testing.uniswap.Web3jAbi.decode;
import static io.tideline.testing.uniswap.Web3jAbi.encode;
import static io.tideline.testing.uniswap.Web3jAbi.number;

/** ABI of a Uniswap v3 pool, as far as the driver uses it: {@code slot0} and the {@code Swap} event. */
final class PoolCalls {

    private static final Event SWAP = new Event("Swap", List.of(
            new TypeReference<Address>(true) { }, new TypeReference<Address>(true) { },
            new TypeReference<Int256>() { }, new TypeReference<Int256>() { }, new TypeReference<Uint160>() { },
            new TypeReference<Uint128>() { }, new TypeReference<Int24>() { }));

    private PoolCalls() {
    }

    static String slot0() {
        return encode("slot0");
    }

    /** The price and tick, the first two of slot0's seven fields (the rest is oracle and protocol-fee state). */
    static UniswapDriver.Slot0 decodeSlot0(String returnData) {
        List<Type<?>> v = decode(returnData,
                List.of(new TypeReference<Uint160>() { }, new TypeReference<Int24>() { }));
        return new UniswapDriver.Slot0(number(v.get(0)), number(v.get(1)).intValueExact());
    }

    static String liquidity() {
        return encode("liquidity");
    }

    static String feeGrowthGlobal(int token) {
        return encode("feeGrowthGlobal" + token + "X128");
    }

    static String ticks(int tick) {
        return encode("ticks", new org.web3j.abi.datatypes.generated.Int24(BigInteger.valueOf(tick)));
    }

    static BigInteger decodeUint(String returnData) {
        return number(decode(returnData, List.of(new TypeReference<org.web3j.abi.datatypes.generated.Uint256>() { }))
                .get(0));
    }

    /** The first four of ticks()'s eight fields: liquidityGross, liquidityNet, feeGrowthOutside0/1X128. */
    static UniswapDriver.TickInfo decodeTick(String returnData) {
        List<Type<?>> v = decode(returnData, List.of(new TypeReference<Uint128>() { },
                new TypeReference<org.web3j.abi.datatypes.generated.Int128>() { },
                new TypeReference<org.web3j.abi.datatypes.generated.Uint256>() { },
                new TypeReference<org.web3j.abi.datatypes.generated.Uint256>() { }));
        return new UniswapDriver.TickInfo(number(v.get(0)), number(v.get(1)), number(v.get(2)), number(v.get(3)));
    }

    /** The pool's Swap event in a router transaction. */
    static UniswapDriver.Swapped swapped(TransactionReceipt receipt, String pool) {
        List<Type<?>> v = ReceiptLogs.first(receipt, pool, SWAP).data();
        return new UniswapDriver.Swapped(number(v.get(0)), number(v.get(1)), number(v.get(2)), number(v.get(3)),
                number(v.get(4)).intValueExact(), receipt.getBlockNumber().longValueExact(),
                receipt.getTransactionHash());
    }
}

package io.tideline.testing.uniswap;

import io.tideline.amm.TokenAmounts;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint96;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.math.BigInteger;
import java.util.List;

import static io.tideline.testing.uniswap.Web3jAbi.address;
import static io.tideline.testing.uniswap.Web3jAbi.decode;
import static io.tideline.testing.uniswap.Web3jAbi.encode;
import static io.tideline.testing.uniswap.Web3jAbi.number;

/**
 * ABI of Uniswap v3's NonfungiblePositionManager, as far as the driver uses it: the calls' data and the answers and
 * events decoded. The parameter structs are static (fixed-size fields only), so each is encoded in place as a tuple.
 */
final class PositionManagerCalls {

    /** Collect's "everything owed": the position manager caps each amount at what is owed. */
    static final BigInteger MAX_UINT128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private static final Event INCREASE_LIQUIDITY = new Event("IncreaseLiquidity", List.of(
            new TypeReference<Uint256>(true) { }, new TypeReference<Uint128>() { },
            new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }));
    private static final Event DECREASE_LIQUIDITY = new Event("DecreaseLiquidity", List.of(
            new TypeReference<Uint256>(true) { }, new TypeReference<Uint128>() { },
            new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }));
    private static final Event COLLECT = new Event("Collect", List.of(
            new TypeReference<Uint256>(true) { }, new TypeReference<Address>() { },
            new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }));

    private PositionManagerCalls() {
    }

    static String mint(String token0, String token1, int fee, int tickLower, int tickUpper, BigInteger amount0Desired,
                       BigInteger amount1Desired, String recipient, BigInteger deadline) {
        return encode("mint", new StaticStruct(new Address(token0), new Address(token1), new Uint24(fee),
                new Int24(tickLower), new Int24(tickUpper), new Uint256(amount0Desired), new Uint256(amount1Desired),
                new Uint256(0), new Uint256(0), new Address(recipient), new Uint256(deadline)));
    }

    static String increaseLiquidity(BigInteger tokenId, BigInteger amount0Desired, BigInteger amount1Desired,
                                    BigInteger deadline) {
        return encode("increaseLiquidity", new StaticStruct(new Uint256(tokenId), new Uint256(amount0Desired),
                new Uint256(amount1Desired), new Uint256(0), new Uint256(0), new Uint256(deadline)));
    }

    static String decreaseLiquidity(BigInteger tokenId, BigInteger liquidity, BigInteger deadline) {
        return encode("decreaseLiquidity", new StaticStruct(new Uint256(tokenId), new Uint128(liquidity),
                new Uint256(0), new Uint256(0), new Uint256(deadline)));
    }

    /** Collects everything owed (fees and decreased liquidity) to {@code recipient}. */
    static String collectAll(BigInteger tokenId, String recipient) {
        return encode("collect", new StaticStruct(new Uint256(tokenId), new Address(recipient),
                new Uint128(MAX_UINT128), new Uint128(MAX_UINT128)));
    }

    static String burn(BigInteger tokenId) {
        return encode("burn", new Uint256(tokenId));
    }

    /** ERC-721 {@code safeTransferFrom(address,address,uint256)} (the overload without data). */
    static String safeTransferFrom(String from, String to, BigInteger tokenId) {
        return encode("safeTransferFrom", new Address(from), new Address(to), new Uint256(tokenId));
    }

    static String ownerOf(BigInteger tokenId) {
        return encode("ownerOf", new Uint256(tokenId));
    }

    static String positions(BigInteger tokenId) {
        return encode("positions", new Uint256(tokenId));
    }

    static String decodeOwnerOf(String returnData) {
        return address(decode(returnData, List.of(new TypeReference<Address>() { })).get(0));
    }

    static TokenAmounts decodeCollect(String returnData) {
        List<Type<?>> values = decode(returnData,
                List.of(new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }));
        return new TokenAmounts(number(values.get(0)), number(values.get(1)));
    }

    /** The 12 fields of {@code positions(tokenId)}, in the contract's order. */
    static UniswapDriver.NftPosition decodePositions(String returnData) {
        List<Type<?>> v = decode(returnData, List.of(
                new TypeReference<Uint96>() { }, new TypeReference<Address>() { },
                new TypeReference<Address>() { }, new TypeReference<Address>() { },
                new TypeReference<Uint24>() { }, new TypeReference<Int24>() { }, new TypeReference<Int24>() { },
                new TypeReference<Uint128>() { }, new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { },
                new TypeReference<Uint128>() { }, new TypeReference<Uint128>() { }));
        return new UniswapDriver.NftPosition(
                number(v.get(0)), address(v.get(1)), address(v.get(2)), address(v.get(3)),
                number(v.get(4)).intValueExact(), number(v.get(5)).intValueExact(), number(v.get(6)).intValueExact(),
                number(v.get(7)), number(v.get(8)), number(v.get(9)), number(v.get(10)), number(v.get(11)));
    }

    /** The IncreaseLiquidity event of a mint or increaseLiquidity transaction. */
    static UniswapDriver.LiquidityChange increased(TransactionReceipt receipt, String positionManager) {
        return liquidityChange(receipt, ReceiptLogs.first(receipt, positionManager, INCREASE_LIQUIDITY));
    }

    static UniswapDriver.LiquidityChange decreased(TransactionReceipt receipt, String positionManager) {
        return liquidityChange(receipt, ReceiptLogs.first(receipt, positionManager, DECREASE_LIQUIDITY));
    }

    static UniswapDriver.Collected collected(TransactionReceipt receipt, String positionManager) {
        ReceiptLogs log = ReceiptLogs.first(receipt, positionManager, COLLECT);
        List<Type<?>> data = log.data();
        return new UniswapDriver.Collected(log.indexedUint(1), address(data.get(0)), number(data.get(1)),
                number(data.get(2)), receipt.getBlockNumber().longValueExact(), receipt.getTransactionHash());
    }

    private static UniswapDriver.LiquidityChange liquidityChange(TransactionReceipt receipt, ReceiptLogs log) {
        List<Type<?>> data = log.data();
        return new UniswapDriver.LiquidityChange(log.indexedUint(1), number(data.get(0)), number(data.get(1)),
                number(data.get(2)), receipt.getBlockNumber().longValueExact(), receipt.getTransactionHash());
    }
}

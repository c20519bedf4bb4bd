package io.tideline.testing.uniswap;

import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;

import java.math.BigInteger;

import static io.tideline.testing.uniswap.Web3jAbi.encode;

/** ABI of Uniswap v3's (first) SwapRouter, as far as the driver uses it. */
final class SwapRouterCalls {

    private SwapRouterCalls() {
    }

    /**
     * {@code exactInputSingle}: sells up to {@code amountIn} of {@code tokenIn}, with no minimum out. A non-zero
     * {@code sqrtPriceLimitX96} stops the swap at that price, and then only the part of {@code amountIn} needed to
     * get there is taken; zero means no limit.
     */
    static String exactInputSingle(String tokenIn, String tokenOut, int fee, String recipient, BigInteger deadline,
                                   BigInteger amountIn, BigInteger sqrtPriceLimitX96) {
        return encode("exactInputSingle", new StaticStruct(new Address(tokenIn), new Address(tokenOut),
                new Uint24(fee), new Address(recipient), new Uint256(deadline), new Uint256(amountIn),
                new Uint256(0), new Uint160(sqrtPriceLimitX96)));
    }
}

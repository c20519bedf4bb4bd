package io.tideline.testing.uniswap;

import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;

import java.math.BigInteger;
import java.util.List;

import static io.tideline.testing.uniswap.Web3jAbi.decode;
import static io.tideline.testing.uniswap.Web3jAbi.encode;
import static io.tideline.testing.uniswap.Web3jAbi.number;

/** ABI of the test tokens (OpenZeppelin ERC20PresetMinterPauser), as far as the driver uses it. */
final class TokenCalls {

    static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private TokenCalls() {
    }

    /** Only an account holding MINTER_ROLE (the deployment's owner) may call it. */
    static String mint(String to, BigInteger amount) {
        return encode("mint", new Address(to), new Uint256(amount));
    }

    static String approve(String spender, BigInteger amount) {
        return encode("approve", new Address(spender), new Uint256(amount));
    }

    static String balanceOf(String account) {
        return encode("balanceOf", new Address(account));
    }

    static BigInteger decodeBalance(String returnData) {
        return number(decode(returnData, List.of(new TypeReference<Uint256>() { })).get(0));
    }
}

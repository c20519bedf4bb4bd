package io.tideline.testing.uniswap;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Keys;

import java.math.BigInteger;
import java.util.List;

/** web3j's ABI encoder and decoder in the shape the driver's per-contract call classes use them. */
final class Web3jAbi {

    private Web3jAbi() {
    }

    /** A call's data: the selector of {@code name(param types)} and the encoded parameters. */
    static String encode(String name, Type<?>... params) {
        return FunctionEncoder.encode(new Function(name, List.of(params), List.of()));
    }

    /** Return data decoded as the given types, in order (for static types, a prefix of the outputs is enough). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static List<Type<?>> decode(String returnData, List<TypeReference<?>> types) {
        return (List) FunctionReturnDecoder.decode(returnData, (List) types);
    }

    /** A decoded integer of any width, signed or not. */
    static BigInteger number(Type<?> value) {
        return (BigInteger) value.getValue();
    }

    /** A decoded address, EIP-55 checksummed like the addresses in the deployment record. */
    static String address(Type<?> value) {
        return Keys.toChecksumAddress(((Address) value).getValue());
    }
}

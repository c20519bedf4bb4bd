package io.tideline.lp.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class Multicall3Test {

    @Test
    void encodesAggregate3AsTheAbiLaysOutDynamicTupleArrays() {
        String target = "0x00000000000000000000000000000000000000aa";
        String calldata = Multicall3.encode(List.of(new byte[] {1, 2, 3, 4}), List.of(target));

        // selector of aggregate3((address,bool,bytes)[]) as published with Multicall3
        assertThat(calldata).startsWith("0x82ad56cb");
        AbiWords words = AbiWords.ofHex("0x" + calldata.substring(10));
        assertThat(words.uint(0)).isEqualTo(32);              // offset of the array
        assertThat(words.uint(1)).isEqualTo(1);               // length
        assertThat(words.uint(2)).isEqualTo(32);              // offset of tuple 0, after the offset table
        assertThat(words.address(3)).isEqualTo(target);
        assertThat(words.bool(4)).isTrue();                   // allowFailure
        assertThat(words.uint(5)).isEqualTo(96);              // offset of callData inside the tuple
        assertThat(words.uint(6)).isEqualTo(4);
        assertThat(words.words()).isEqualTo(8);
    }

    @Test
    void decodesResultsWithSuccessAndFailure() {
        // Result[] = [(true, abi.encode(uint256 7)), (false, 0x)] encoded by hand per the ABI spec.
        String data = "0x"
                + word(32) + word(2) + word(64) + word(64 + 128)
                + word(1) + word(64) + word(32) + word(7)
                + word(0) + word(64) + word(0);
        List<Multicall3.Result> results = Multicall3.decode(data);

        assertThat(results).hasSize(2);
        assertThat(results.get(0).success()).isTrue();
        assertThat(results.get(0).words().uint(0)).isEqualTo(BigInteger.valueOf(7));
        assertThat(results.get(1).success()).isFalse();
        assertThat(results.get(1).returnData()).isEmpty();
    }

    private static String word(long value) {
        return String.format("%064x", value);
    }
}

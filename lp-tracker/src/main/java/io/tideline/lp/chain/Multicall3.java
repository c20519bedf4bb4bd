package io.tideline.lp.chain;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Multicall3's {@code aggregate3((address target, bool allowFailure, bytes callData)[])}: many reads in one eth_call,
 * each allowed to fail on its own. Encoding and decoding by hand (the layout is small and fixed), see the Solidity ABI
 * specification for dynamic arrays of dynamic tuples.
 */
public final class Multicall3 {

    private static final byte[] AGGREGATE3 = AbiEncoder.selector("aggregate3((address,bool,bytes)[])");

    private Multicall3() {
    }

    /** One call's outcome: {@code success} false when it reverted (its {@code returnData} is then the revert data). */
    public record Result(boolean success, byte[] returnData) {

        /**
         * The call succeeded and returned data. A call to an address without code (a contract not deployed yet at
         * that block) succeeds with none.
         */
        public boolean returnedData() {
            return success && returnData.length > 0;
        }

        public AbiWords words() {
            if (!success) {
                throw new IllegalStateException("the call reverted");
            }
            return AbiWords.of(returnData);
        }
    }

    /** Calldata of aggregate3 with allowFailure=true for every call. */
    public static String encode(List<byte[]> calldata, List<String> targets) {
        int n = calldata.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + n * 200);
        out.writeBytes(AGGREGATE3);
        out.writeBytes(AbiEncoder.word(BigInteger.valueOf(32)));
        out.writeBytes(AbiEncoder.word(BigInteger.valueOf(n)));
        // Offsets of the tuples, relative to the first offset word.
        long offset = 32L * n;
        for (byte[] data : calldata) {
            out.writeBytes(AbiEncoder.word(BigInteger.valueOf(offset)));
            offset += tupleSize(data);
        }
        for (int i = 0; i < n; i++) {
            byte[] data = calldata.get(i);
            out.writeBytes(AbiEncoder.word(AbiEncoder.address(targets.get(i))));
            out.writeBytes(AbiEncoder.word(BigInteger.ONE));
            out.writeBytes(AbiEncoder.word(BigInteger.valueOf(96)));
            out.writeBytes(AbiEncoder.word(BigInteger.valueOf(data.length)));
            out.writeBytes(data);
            out.writeBytes(new byte[padding(data.length)]);
        }
        return AbiEncoder.hex(out.toByteArray());
    }

    /** The results of aggregate3's return data, in call order. */
    public static List<Result> decode(String returnData) {
        AbiWords array = AbiWords.ofHex(returnData).at(0);
        int n = array.smallUint(0);
        // Tuple offsets are relative to the word after the length.
        AbiWords offsets = array.skipWords(1);
        List<Result> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AbiWords tuple = offsets.at(i);
            results.add(new Result(tuple.bool(0), tuple.bytes(1)));
        }
        return results;
    }

    private static int tupleSize(byte[] data) {
        return 32 * 4 + data.length + padding(data.length);
    }

    private static int padding(int length) {
        return (32 - length % 32) % 32;
    }
}

package io.tideline.lp.chain;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.crypto.Hash;

/**
 * A pool's address from its factory, tokens and fee, without a call: the CREATE2 address the factory deploys it at,
 * {@code keccak256(0xff ++ factory ++ keccak256(abi.encode(token0, token1, fee)) ++ initCodeHash)[12:]}, as
 * v3-periphery's {@code PoolAddress.computeAddress} does.
 */
public final class PoolAddress {

    private final byte[] factory;
    private final byte[] initCodeHash;

    public PoolAddress(String factory, String initCodeHash) {
        this.factory = AbiEncoder.unhex(factory);
        this.initCodeHash = AbiEncoder.unhex(initCodeHash);
        if (this.factory.length != 20 || this.initCodeHash.length != 32) {
            throw new IllegalArgumentException("factory must be 20 bytes and the init code hash 32 bytes");
        }
    }

    public String of(String token0, String token1, int fee) {
        ByteArrayOutputStream key = new ByteArrayOutputStream(96);
        key.writeBytes(AbiEncoder.word(AbiEncoder.address(token0)));
        key.writeBytes(AbiEncoder.word(AbiEncoder.address(token1)));
        key.writeBytes(AbiEncoder.word(BigInteger.valueOf(fee)));
        ByteArrayOutputStream preimage = new ByteArrayOutputStream(85);
        preimage.write(0xff);
        preimage.writeBytes(factory);
        preimage.writeBytes(Hash.sha3(key.toByteArray()));
        preimage.writeBytes(initCodeHash);
        byte[] hash = Hash.sha3(preimage.toByteArray());
        return AbiEncoder.hex(Arrays.copyOfRange(hash, 12, 32));
    }
}

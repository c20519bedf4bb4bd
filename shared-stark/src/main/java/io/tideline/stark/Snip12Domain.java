package io.tideline.stark;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A SNIP-12 revision-1 domain, {@code StarknetDomain(name, version, chainId, revision)}, every field a short string,
 * and the message hash that binds a struct to it and to the signing account.
 *
 * @param name     the application's name, a short string
 * @param version  its version, a short string
 * @param chainId  the chain, e.g. {@code SN_MAIN} or {@code SN_SEPOLIA}
 * @param revision the SNIP-12 revision; 1 is the Poseidon revision
 */
public record Snip12Domain(String name, String version, String chainId, int revision) {

    /** The domain type of revision 1. */
    public static final Snip12Type TYPE = Snip12Type.of("StarknetDomain",
            "name", "shortstring", "version", "shortstring", "chainId", "shortstring", "revision", "shortstring");

    private static final BigInteger STARKNET_MESSAGE = StarkField.shortString("StarkNet Message");

    public Snip12Domain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(chainId, "chainId");
        if (revision != 1) {
            throw new IllegalArgumentException("only SNIP-12 revision 1 (Poseidon) is implemented, got " + revision);
        }
    }

    /**
     * The domain's struct hash. Its fields are encoded as starknet.js encodes short strings
     * ({@link StarkField#shortStringValue}), so the revision, though typed {@code shortstring}, is the number 1.
     */
    public BigInteger hash() {
        return Snip12Type.structHash(TYPE.typeHash(List.of()), List.of(StarkField.shortStringValue(name),
                StarkField.shortStringValue(version), StarkField.shortStringValue(chainId),
                StarkField.shortStringValue(Integer.toString(revision))));
    }

    /** {@code poseidon_hash_many("StarkNet Message", domainHash, account, structHash)}. */
    public BigInteger messageHash(BigInteger account, BigInteger structHash) {
        return Poseidon.hashMany(STARKNET_MESSAGE, hash(), StarkField.felt(account), StarkField.felt(structHash));
    }
}

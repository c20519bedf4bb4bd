package io.tideline.stark;

/** The Starknet chains Extended settles on, by their SNIP-12 chain id (a short string). */
public enum StarknetChain {
    SN_MAIN,
    SN_SEPOLIA;

    /** The chain id as written in a SNIP-12 domain. */
    public String shortName() {
        return name();
    }
}

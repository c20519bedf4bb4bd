package io.tideline.evm;

/** A read-only call: the contract and the ABI-encoded calldata (0x-prefixed hex). */
public record ContractCall(String target, String callData) {
}

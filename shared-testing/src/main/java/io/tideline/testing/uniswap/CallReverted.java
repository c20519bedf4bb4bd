package io.tideline.testing.uniswap;

/** A contract call or transaction the chain refused (reverted); the message carries the node's reason. */
public final class CallReverted extends RuntimeException {

    CallReverted(String label, String reason) {
        super(label + " reverted: " + reason);
    }
}

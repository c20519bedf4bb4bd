package io.tideline.lp.sync;

import io.tideline.evm.RpcException;

/**
 * What readiness and the sync status say about a failing pass: a short sentence for an operator. Exception messages,
 * stack traces and the RPC URL stay in the log; the node is named by {@code scheme://host[:port]} only.
 */
final class FailureText {

    private FailureText() {
    }

    static String of(RuntimeException failure, String node) {
        if (failure instanceof ChainMismatchException) {
            return failure.getMessage();
        }
        if (failure instanceof RpcException rpc) {
            return rpc.unreachable() ? "node unreachable: " + node
                    : "the node at " + node + " answered with an error or something unreadable (see the log)";
        }
        if (failure instanceof ReorgDuringPassException) {
            return "the chain changed while a pass read it; retrying";
        }
        return "the sync pass failed (see the log)";
    }
}

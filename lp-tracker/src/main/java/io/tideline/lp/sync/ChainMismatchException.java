package io.tideline.lp.sync;

/**
 * The node runs another chain than the configured one (chain id) or the one the checkpoint was taken on (genesis).
 * Its message is written for operators and shown as it is by readiness and the sync status: it names the node by host
 * only and the setting to change.
 */
class ChainMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ChainMismatchException(String message) {
        super(message);
    }
}

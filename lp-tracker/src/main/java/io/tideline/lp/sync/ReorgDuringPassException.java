package io.tideline.lp.sync;

/** The chain changed under a pass (a log's block is not the block now at that height): the pass is retried. */
class ReorgDuringPassException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ReorgDuringPassException(String message) {
        super(message);
    }
}

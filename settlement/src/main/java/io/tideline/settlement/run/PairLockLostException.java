package io.tideline.settlement.run;

/** The advisory lock of a (session, pair) ended with its connection while the pair was being settled. */
public class PairLockLostException extends RuntimeException {

    public PairLockLostException(String message) {
        super(message);
    }
}

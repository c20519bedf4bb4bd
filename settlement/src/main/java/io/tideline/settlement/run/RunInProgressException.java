package io.tideline.settlement.run;

/** A run was asked for while this instance is running one. */
public class RunInProgressException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunInProgressException(String message) {
        super(message);
    }
}

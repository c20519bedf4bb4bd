package io.tideline.pnl.activity;

/** A delivery that is not a well-formed Address Activity payload; names the offending field by its JSON path. */
public class InvalidPayloadException extends RuntimeException {

    private final String field;

    public InvalidPayloadException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

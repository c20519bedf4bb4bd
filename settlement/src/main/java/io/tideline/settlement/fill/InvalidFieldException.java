package io.tideline.settlement.fill;

/** A field of a fill or a request that breaks {@link FillRules}: which field, and why. */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The reason alone, without the field's name. */
    public String reason() {
        return getMessage().substring(field.length() + 1);
    }
}

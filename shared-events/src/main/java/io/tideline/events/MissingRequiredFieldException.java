package io.tideline.events;

/**
 * Thrown when an event is built without one of its required fields; carries the field's name so a decoder can report
 * where in the message it was missing.
 */
public final class MissingRequiredFieldException extends IllegalArgumentException {

    private final String field;

    public MissingRequiredFieldException(String field) {
        super("missing required field '" + field + "'");
        this.field = field;
    }

    /** The name of the missing field, relative to the record that requires it. */
    public String field() {
        return field;
    }
}

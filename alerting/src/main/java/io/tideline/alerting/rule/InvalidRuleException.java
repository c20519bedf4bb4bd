package io.tideline.alerting.rule;

/** A rule that cannot be stored as given; {@link #field} names the offending field (JSON path). */
public class InvalidRuleException extends RuntimeException {

    private final String field;

    public InvalidRuleException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}

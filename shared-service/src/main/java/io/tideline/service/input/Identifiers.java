package io.tideline.service.input;

import io.tideline.service.problem.ProblemException;
import java.util.regex.Pattern;

/**
 * The one rule for ids a caller names (alert ids, session ids, venue order ids, consumer names): 1 to 128 of
 * {@code A-Z a-z 0-9 . _ : @ / -}. Nothing else reaches a query or a column: no control characters (PostgreSQL
 * refuses NUL in text), no spaces, no unbounded lengths.
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 128;
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@/-]{1," + MAX_LENGTH + "}");
    public static final String RULE = "must be 1 to " + MAX_LENGTH + " of A-Z a-z 0-9 . _ : @ / -";

    private Identifiers() {
    }

    public static boolean valid(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** The id, or a 400 problem naming the field. */
    public static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "is required");
        }
        if (!valid(value)) {
            throw ProblemException.badField(field, RULE);
        }
        return value;
    }
}

package io.tideline.events;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The one bounded reader of exact numbers, for every API field and every event field: token amounts as integers of at
 * most 78 digits (a uint256), prices and P&L as decimals with at most 78 integer digits and 36 decimals, from at most
 * 100 characters. The bounds are checked before anything is expanded, so {@code "1E+600000000"} is refused at once
 * instead of building a number with six hundred million digits in {@code setScale} or {@code toBigIntegerExact}.
 */
public final class ExactNumbers {

    public static final int MAX_TEXT = 100;
    public static final int MAX_INTEGER_DIGITS = 78;
    public static final int MAX_SCALE = 36;

    private ExactNumbers() {
    }

    /** A decimal from its text (plain or exponent notation), within the bounds. */
    public static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidNumberException("is not a number");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidNumberException("has more than " + MAX_TEXT + " characters");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidNumberException("is not a decimal number");
        }
        return bounded(value);
    }

    /** A decimal that is already parsed (a JSON number token), within the bounds. */
    public static BigDecimal bounded(BigDecimal value) {
        if (value.signum() == 0) {
            // 0E-1000000 is zero: keep a sane scale rather than refuse it, without expanding anything
            return value.scale() > MAX_SCALE || value.scale() < 0 ? BigDecimal.ZERO : value;
        }
        if (value.scale() > MAX_SCALE) {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > MAX_SCALE) {
                throw new InvalidNumberException("has more than " + MAX_SCALE + " decimals");
            }
        }
        // precision - scale is the number of digits before the point (for |value| >= 1), known without expanding
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new InvalidNumberException("has more than " + MAX_INTEGER_DIGITS + " digits before the point");
        }
        return value;
    }

    /** An integer from its text (digits, an optional sign; exponent notation only if it is exactly integral). */
    public static BigInteger integer(String text) {
        BigDecimal value = decimal(text);
        return integer(value);
    }

    /** The integral value of a bounded decimal; refused if it has a fraction. */
    public static BigInteger integer(BigDecimal value) {
        BigDecimal bounded = bounded(value);
        try {
            return bounded.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new InvalidNumberException("is not an integer");
        }
    }

    /** A number outside the bounds or not a number; the message says which, to follow the field's name. */
    public static final class InvalidNumberException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        public InvalidNumberException(String reason) {
            super(reason);
        }
    }
}

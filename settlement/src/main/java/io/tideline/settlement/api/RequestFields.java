package io.tideline.settlement.api;

import io.tideline.service.problem.ProblemException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** The checks request fields of this service share; each failure is a 400 problem naming the field. */
final class RequestFields {

    static final Pattern PAIR = Pattern.compile("[A-Z0-9]{1,20}-[A-Z0-9]{1,20}");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@/-]{1,128}");
    static final int MAX_SCALE = 18;

    private RequestFields() {
    }

    static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "is required");
        }
        if (!ID.matcher(value).matches()) {
            throw ProblemException.badField(field, "must be 1 to 128 of A-Z a-z 0-9 . _ : @ / -");
        }
        return value;
    }

    static String pair(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "is required");
        }
        String pair = value.trim().toUpperCase(Locale.ROOT);
        if (!PAIR.matcher(pair).matches()) {
            throw ProblemException.badField(field, "must look like BASE-QUOTE, e.g. ETH-USDC");
        }
        return pair;
    }

    static String optionalPair(String field, String value) {
        return value == null || value.isBlank() ? null : pair(field, value);
    }

    static String optionalId(String field, String value) {
        return value == null || value.isBlank() ? null : id(field, value);
    }

    static BigDecimal positive(String field, BigDecimal value) {
        BigDecimal v = decimal(field, value);
        if (v.signum() <= 0) {
            throw ProblemException.badField(field, "must be greater than 0");
        }
        return v;
    }

    static BigDecimal nonNegative(String field, BigDecimal value) {
        BigDecimal v = decimal(field, value);
        if (v.signum() < 0) {
            throw ProblemException.badField(field, "must not be negative");
        }
        return v;
    }

    private static BigDecimal decimal(String field, BigDecimal value) {
        if (value == null) {
            throw ProblemException.badField(field, "is required");
        }
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() > MAX_SCALE) {
            throw ProblemException.badField(field, "has more than " + MAX_SCALE + " decimals");
        }
        if (v.precision() - v.scale() > 24) {
            throw ProblemException.badField(field, "is too large");
        }
        return value;
    }

    static int limit(Integer value, int fallback, int max) {
        int limit = value == null ? fallback : value;
        if (limit < 1 || limit > max) {
            throw ProblemException.badField("limit", "must be between 1 and " + max);
        }
        return limit;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw ProblemException.badField(field, "is required");
        }
        return value;
    }
}

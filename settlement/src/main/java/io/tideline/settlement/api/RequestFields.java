package io.tideline.settlement.api;

import io.tideline.service.problem.ProblemException;
import io.tideline.settlement.fill.FillRules;
import io.tideline.settlement.fill.InvalidFieldException;
import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * The checks request fields of this service share ({@link FillRules}, the same rules a fill on mm.fills is held to);
 * each failure is a 400 problem naming the field.
 */
final class RequestFields {

    private RequestFields() {
    }

    static String id(String field, String value) {
        return checked(() -> FillRules.id(field, value));
    }

    static String pair(String field, String value) {
        return checked(() -> FillRules.pair(field, value));
    }

    static String optionalPair(String field, String value) {
        return value == null || value.isBlank() ? null : pair(field, value);
    }

    static String optionalId(String field, String value) {
        return value == null || value.isBlank() ? null : id(field, value);
    }

    static BigDecimal positive(String field, BigDecimal value) {
        return checked(() -> FillRules.positive(field, value));
    }

    static int limit(Integer value, int fallback, int max) {
        int limit = value == null ? fallback : value;
        if (limit < 1 || limit > max) {
            throw ProblemException.badField("limit", "must be between 1 and " + max);
        }
        return limit;
    }

    static <T> T required(String field, T value) {
        return checked(() -> FillRules.required(field, value));
    }

    /** The value the rule returns, or a 400 problem naming the field it refuses. */
    static <T> T checked(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidFieldException e) {
            throw ProblemException.badField(e.field(), e.reason());
        }
    }
}

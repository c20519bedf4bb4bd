package io.tideline.analytics.api;

import io.tideline.service.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Query parameters read once, each refusal a 400 problem+json naming the parameter. */
final class Params {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5000;

    private Params() {
    }

    static Instant instant(String field, String value, Instant otherwise) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        if (value.length() > 40) {
            throw ProblemException.badField(field, "must be an ISO-8601 instant, e.g. 2026-12-05T09:00:00Z");
        }
        try {
            return Instant.parse(value).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "must be an ISO-8601 instant, e.g. 2026-12-05T09:00:00Z");
        }
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badField("limit", "must be 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    static <E extends Enum<E>> E choice(String field, String value, Class<E> type, E otherwise) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static void window(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ProblemException.badField("from", "must be before to");
        }
    }
}

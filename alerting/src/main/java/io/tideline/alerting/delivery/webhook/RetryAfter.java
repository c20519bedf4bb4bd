package io.tideline.alerting.delivery.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A receiver's {@code Retry-After} (RFC 9110 §10.2.3): a number of seconds, or an HTTP date. A date in the past is no
 * wait; a value that is neither (or negative) is ignored, as if absent.
 */
final class RetryAfter {

    private static final int MAX_DIGITS = 10;

    private RetryAfter() {
    }

    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            return v.length() > MAX_DIGITS ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

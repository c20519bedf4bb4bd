package io.tideline.alerting.alert;

import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.Subject;
import io.tideline.events.EventEnvelope;
import java.time.Instant;
import java.util.UUID;

/**
 * What evaluation found for one rule and subject: its condition holds ({@code firing}) or has cleared.
 *
 * @param title         one line (firing only)
 * @param detail        the figures that fired the rule, or why it cleared
 * @param sourceEventId the event that fired or cleared it; absent for clock checks
 * @param correlationId the correlation id of that event, carried by the alert's events; absent for clock checks
 */
public record Signal(AlertRule rule, Subject subject, boolean firing, String title, String detail, UUID sourceEventId,
                     String correlationId, Instant at) {

    /** The condition holds; {@code cause} is the event that shows it, or null for a clock check. */
    public static Signal firing(AlertRule rule, Subject subject, String title, String detail, EventEnvelope<?> cause,
            Instant at) {
        return new Signal(rule, subject, true, title, detail, cause == null ? null : cause.eventId(),
                cause == null ? null : EventEnvelope.correlationOf(cause), at);
    }

    /** The condition cleared, for the reason given. */
    public static Signal cleared(AlertRule rule, Subject subject, String why, EventEnvelope<?> cause, Instant at) {
        return new Signal(rule, subject, false, null, why, cause == null ? null : cause.eventId(),
                cause == null ? null : EventEnvelope.correlationOf(cause), at);
    }
}

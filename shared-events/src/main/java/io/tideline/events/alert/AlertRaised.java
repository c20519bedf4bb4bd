package io.tideline.events.alert;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.time.Instant;
import java.util.UUID;

/**
 * A rule fired and opened an alert.
 *
 * @param subjectKey    what the alert is about, e.g. an LP position key or a wallet address
 * @param title         one line for a notification
 * @param detail        the full explanation, with the figures that fired the rule
 * @param sourceEventId optional: the {@code eventId} of the event that fired the rule, absent for scheduled checks
 */
public record AlertRaised(String alertId, String ruleId, AlertSeverity severity, String subjectKey, String title,
                          String detail, Instant raisedAt, UUID sourceEventId) implements EventPayload {

    public AlertRaised {
        require(alertId, "alertId");
        require(ruleId, "ruleId");
        require(severity, "severity");
        require(subjectKey, "subjectKey");
        require(title, "title");
        require(detail, "detail");
        require(raisedAt, "raisedAt");
    }
}

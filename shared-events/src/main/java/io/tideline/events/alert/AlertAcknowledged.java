package io.tideline.events.alert;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.time.Instant;

/**
 * Someone took ownership of an alert, which stops its escalation.
 *
 * @param acknowledgedBy the user who acknowledged it
 * @param note           optional: what they said they will do
 */
public record AlertAcknowledged(String alertId, String acknowledgedBy, String note, Instant acknowledgedAt)
        implements EventPayload {

    public AlertAcknowledged {
        require(alertId, "alertId");
        require(acknowledgedBy, "acknowledgedBy");
        require(acknowledgedAt, "acknowledgedAt");
    }
}

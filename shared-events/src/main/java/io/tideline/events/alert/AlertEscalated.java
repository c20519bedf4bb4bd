package io.tideline.events.alert;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;
import java.time.Instant;

/**
 * An open alert was escalated because nobody acknowledged it in time or its condition got worse.
 *
 * @param level  the escalation step reached, 1 for the first escalation
 * @param reason why it was escalated
 */
public record AlertEscalated(String alertId, AlertSeverity fromSeverity, AlertSeverity toSeverity, int level,
                             String reason, Instant escalatedAt) implements EventPayload {

    public AlertEscalated {
        require(alertId, "alertId");
        require(fromSeverity, "fromSeverity");
        require(toSeverity, "toSeverity");
        require(reason, "reason");
        require(escalatedAt, "escalatedAt");
    }
}

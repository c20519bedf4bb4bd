package io.tideline.alerting.delivery;

import io.tideline.events.alert.AlertSeverity;
import java.time.Instant;

/**
 * What a channel tells its receiver about an alert: that it was raised, escalated or resolved.
 *
 * @param level 0 when raised, the escalation step reached when escalated (1, 2, ...), the last level when resolved
 * @param at    when it happened (the alert's raise, escalation or resolution time)
 */
public record Notification(String alertId, String ruleId, String ruleName, NotificationKind kind, int level,
                           AlertSeverity severity, String subjectKey, String title, String detail, Instant at) {

    /**
     * The key a receiver dedupes on: the same notification of an alert on the same channel always has the same key,
     * whether it is sent once or again after a crash.
     */
    public String idempotencyKey(String channel) {
        return alertId + ":" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + level + ":" + channel;
    }
}

package io.tideline.alerting.delivery.webhook;

import io.tideline.alerting.delivery.Notification;
import io.tideline.alerting.delivery.NotificationKind;
import io.tideline.events.alert.AlertSeverity;
import java.time.Instant;

/**
 * What a webhook receiver gets, as JSON: the alert, what happened to it, and the key to dedupe on (also in the
 * {@code Idempotency-Key} header).
 *
 * @param level 0 when raised, the escalation step when escalated, the last level when resolved
 * @param at    when it happened (ISO-8601)
 */
public record WebhookBody(String alertId, String ruleId, String ruleName, NotificationKind kind, int level,
                          AlertSeverity severity, String subject, String title, String detail, Instant at,
                          String idempotencyKey) {

    public static WebhookBody of(Notification n, String idempotencyKey) {
        return new WebhookBody(n.alertId(), n.ruleId(), n.ruleName(), n.kind(), n.level(), n.severity(),
                n.subjectKey(), n.title(), n.detail(), n.at(), idempotencyKey);
    }
}

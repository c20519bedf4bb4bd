package io.tideline.alerting.delivery;

import java.time.Instant;

/**
 * One notification of an alert to one outside channel.
 *
 * @param attempts    attempts started so far (an abandoned one included)
 * @param nextAttempt when it is due while PENDING
 * @param lastStatus  the receiver's last HTTP status or SMTP reply code, if it answered
 * @param finishedAt  when it was delivered, failed or suppressed
 * @param resentBy    who last sent it again after it had failed (null if nobody did)
 * @param resentAt    when
 */
public record Delivery(long id, String idempotencyKey, String alertId, String ruleId, String channel,
                       NotificationKind kind, int level, DeliveryState state, int attempts, Instant nextAttempt,
                       Integer lastStatus, String lastError, Instant createdAt, Instant finishedAt, String resentBy,
                       Instant resentAt) {
}

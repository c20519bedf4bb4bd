package io.tideline.alerting.delivery;

import java.time.Instant;

/**
 * One attempt to deliver.
 *
 * @param attempt the delivery's n-th attempt, from 1
 * @param status  the receiver's HTTP status or SMTP reply code, if it answered
 */
public record DeliveryAttempt(int attempt, Instant startedAt, long durationMillis, AttemptOutcome outcome,
                              Integer status, String error) {
}

package io.tideline.alerting.delivery;

import java.util.UUID;

/**
 * A delivery leased to one worker for one attempt: only the holder of {@code leaseToken} records the answer.
 *
 * @param attempt the number of this attempt (1 = the first)
 */
public record Claim(Delivery delivery, Notification notification, UUID leaseToken, int attempt) {
}

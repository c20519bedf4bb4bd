package io.tideline.alerting.delivery;

import java.util.UUID;

/**
 * A delivery leased to one worker for one attempt: only the holder of {@code leaseToken} records the answer.
 *
 * @param attempt the number of this attempt (1 = the first)
 * @param attemptOfRound its number since the latest re-send (as {@code attempt} when never re-sent): what the retry
 *                       policy counts
 */
public record Claim(Delivery delivery, Notification notification, UUID leaseToken, int attempt, int attemptOfRound) {
}

package io.tideline.events.perp;

import static io.tideline.events.RequiredFields.require;

import io.tideline.events.EventPayload;

/**
 * A hedge order could not be placed or was not filled.
 *
 * @param externalId the client order id of the failed {@link HedgeRequested}
 * @param reason     the venue's error, or why the hedger gave up
 * @param retryable  whether sending the same order again may succeed (e.g. a timeout, not a rejected size)
 * @param attempts   how many times the order was sent
 */
public record HedgeFailed(String positionKey, String hedgeId, int step, String market, String externalId,
                          String reason, boolean retryable, int attempts) implements EventPayload {

    public HedgeFailed {
        require(positionKey, "positionKey");
        require(hedgeId, "hedgeId");
        require(market, "market");
        require(externalId, "externalId");
        require(reason, "reason");
    }
}

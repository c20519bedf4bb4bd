package io.tideline.perp.hedge;

import java.util.UUID;

/** An LP fact received from {@code lp.positions}, waiting to be planned ({@code perp_lp_fact}). */
public record LpFact(long id, UUID eventId, String positionKey, String eventType, String payloadJson) {
}

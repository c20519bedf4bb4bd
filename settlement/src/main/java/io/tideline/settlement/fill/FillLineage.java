package io.tideline.settlement.fill;

import java.util.UUID;

/**
 * The FillRecorded that recorded a fill, by its event id and correlation id. Every settlement event about the fill is
 * made in reaction to it: it carries the correlation id, and an id derived from the event id where it has one.
 */
public record FillLineage(UUID eventId, String correlationId) {

    /**
     * The lineage as stored with the fill. A fill stored before lineage was kept (or seeded straight into the table)
     * has none: the FillRecorded its identity gives stands in, a chain of its own.
     */
    public static FillLineage of(UUID eventId, String correlationId, String venue, String orderId, String tradeId) {
        if (eventId == null) {
            UUID derived = FillSubmission.eventIdOf(venue, orderId, tradeId);
            return new FillLineage(derived, derived.toString());
        }
        return new FillLineage(eventId, correlationId != null ? correlationId : eventId.toString());
    }
}

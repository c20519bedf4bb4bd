package io.tideline.lp.sync;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventIds;
import io.tideline.events.EventPayload;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpValued;
import io.tideline.events.market.PriceObserved;
import io.tideline.lp.position.Fact;
import java.time.Instant;
import java.util.UUID;

/**
 * The envelopes lp-tracker publishes, with their ids and lineage. What the chain says (a position's fact, a valuation
 * or a pool price at a block) starts a correlation: its correlation id is its own event id, so everything other
 * services do about it carries that id. A retraction is about the fact it retracts and carries the fact's correlation
 * id. Ids come from {@link EventIds}: the same fact, valuation or price always yields the same id, and one from another
 * block hash or epoch (a start-over) another.
 */
final class TrackerEvents {

    static final String SOURCE = "lp-tracker";

    private TrackerEvents() {
    }

    /** A position's fact, at its block's time; in {@code epoch} of the book. */
    static EventEnvelope<EventPayload> fact(Fact fact, int epoch) {
        return root(fact.eventId(epoch), fact.at().blockTime(), fact.position().key(), fact.payload());
    }

    /** A valuation at the block with {@code blockHash} (the pass's last). */
    static EventEnvelope<LpValued> valued(LpValued valued, String blockHash, int epoch) {
        UUID id = EventIds.of("lp-valued", valued.position().key(), blockHash, epoch);
        return root(id, valued.valuedAt(), valued.position().key(), valued);
    }

    /**
     * A pool's price after the swap in the block with {@code swapBlockHash}: by the block hash, so that a reorg that
     * puts another swap at the same height publishes its price too.
     */
    static EventEnvelope<PriceObserved> price(PriceObserved price, String swapBlockHash, int epoch) {
        UUID id = EventIds.of("price-observed", price.instrument(), swapBlockHash, epoch);
        return root(id, price.observedAt(), price.instrument(), price);
    }

    /**
     * The retraction of a fact a reorg or a start-over undid, made at {@code now}: its id is derived from the
     * retracted fact's, and it carries the fact's correlation id (a fact is the root of its correlation).
     */
    static EventEnvelope<LpFactRetracted> retraction(LpFactRetracted retracted, Instant now) {
        UUID fact = retracted.retractedEventId();
        return EventEnvelope.identified(Fact.retractionIdOf(fact), now, SOURCE, retracted.position().key(), retracted)
                .withCorrelationId(correlationOfFact(fact));
    }

    /** The correlation id of the fact with this event id: its own id, as {@link #fact} publishes it. */
    static String correlationOfFact(UUID factEventId) {
        return factEventId.toString();
    }

    private static <T extends EventPayload> EventEnvelope<T> root(UUID id, Instant occurredAt, String key, T payload) {
        return EventEnvelope.identified(id, occurredAt, SOURCE, key, payload).withCorrelationId(id.toString());
    }
}

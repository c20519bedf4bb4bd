package io.tideline.messaging.consumer;

import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records which envelopes a consumer has applied, in the caller's unit of work, so a redelivered envelope has no
 * second effect. Used by the Kafka consumers and by any code path that applies an event it received another way.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final String CLAIM = """
            insert into processed_event (consumer, event_id)
            select $1, id from unnest($2::uuid[]) as id
            on conflict do nothing
            returning event_id""";

    /**
     * Claims the envelope ids for the consumer inside the unit of work.
     *
     * @return the ids this call claimed; ids already processed (or repeated in the call) are not in it
     */
    public Set<UUID> claim(UnitOfWork uow, String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(uow.list(CLAIM, Tuple.of(consumer, eventIds.toArray(UUID[]::new)),
                r -> r.getUUID(0)));
    }

    /** Runs the effect only if this consumer has not applied the envelope before; says whether it ran. */
    public boolean applyOnce(UnitOfWork uow, String consumer, UUID eventId, Runnable effect) {
        if (claim(uow, consumer, List.of(eventId)).isEmpty()) {
            return false;
        }
        effect.run();
        return true;
    }
}

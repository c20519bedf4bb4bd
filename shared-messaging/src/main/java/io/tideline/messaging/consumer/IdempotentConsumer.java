package io.tideline.messaging.consumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Records which envelopes a consumer has applied, in the caller's transaction, so a redelivered envelope has no
 * second effect. Used by the Kafka consumers and by any code path that applies an event it received another way.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final String CLAIM = """
            insert into processed_event (consumer, event_id)
            select ?1, cast(id as uuid) from unnest(string_to_array(?2, ',')) as id
            on conflict do nothing
            returning cast(event_id as text)""";

    /**
     * Claims the envelope ids for the consumer inside the current transaction.
     *
     * @return the ids this call claimed; ids already processed (or repeated in the call) are not in it
     */
    public Uni<Set<UUID>> claim(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String ids = eventIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, String.class)
                        .setParameter(1, consumer)
                        .setParameter(2, ids)
                        .getResultList())
                .map(rows -> rows.stream().map(UUID::fromString).collect(Collectors.toSet()));
    }

    /** Runs the effect only if this consumer has not applied the envelope before; says whether it ran. */
    public Uni<Boolean> applyOnce(String consumer, UUID eventId, Supplier<Uni<Void>> effect) {
        return claim(consumer, List.of(eventId))
                .chain(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().item(false)
                        : effect.get().replaceWith(true));
    }
}

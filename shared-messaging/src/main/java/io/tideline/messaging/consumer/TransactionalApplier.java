package io.tideline.messaging.consumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tideline.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of envelopes for one handler in one transaction: claims their ids in {@code processed_event}, then
 * hands the newly claimed ones to the handler in order. A redelivered envelope is claimed by nobody and skipped.
 */
@ApplicationScoped
public class TransactionalApplier {

    private final IdempotentConsumer idempotent;

    public TransactionalApplier(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
    }

    /**
     * Blocks the calling worker thread until the transaction commits.
     *
     * @return how many envelopes were applied (the rest had been applied before)
     */
    public int apply(EventHandler handler, List<EventEnvelope<?>> batch) throws Exception {
        List<UUID> ids = batch.stream().map(EventEnvelope::eventId).toList();
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    idempotent.claim(handler.name(), ids).chain(claimed -> applyClaimed(handler, batch, claimed))));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Uni<Integer> applyClaimed(EventHandler handler, List<EventEnvelope<?>> batch, Set<UUID> claimed) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        Set<UUID> pending = new java.util.HashSet<>(claimed);
        for (EventEnvelope<?> event : batch) {
            // remove(): an envelope repeated inside one batch is applied once, at its first position
            if (pending.remove(event.eventId())) {
                chain = chain.chain(() -> handler.handle(event));
            }
        }
        return chain.replaceWith(claimed.size());
    }
}

package io.tideline.messaging.consumer;

import io.tideline.events.EventEnvelope;
import io.tideline.messaging.lineage.Correlation;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of envelopes for one handler in one unit of work: claims their ids in {@code processed_event}, then
 * hands the newly claimed ones to the handler in order. A redelivered envelope is claimed by nobody and skipped.
 */
@ApplicationScoped
public class TransactionalApplier {

    private final IdempotentConsumer idempotent;
    private final Transactions transactions;
    private final ParkedKeys parked;

    public TransactionalApplier(IdempotentConsumer idempotent, Transactions transactions, ParkedKeys parked) {
        this.idempotent = idempotent;
        this.transactions = transactions;
        this.parked = parked;
    }

    /**
     * Blocks the calling thread until the unit of work commits.
     *
     * @return how many envelopes were applied (the rest had been applied before)
     */
    public int apply(EventHandler handler, List<EventEnvelope<?>> batch) {
        return apply(handler, batch, List.of());
    }

    /** Applies the batch and, in the same unit of work, keeps the records of parked keys behind their keys. */
    int apply(EventHandler handler, List<EventEnvelope<?>> batch, List<ParkedKeys.ParkedRecord> keep) {
        List<UUID> ids = batch.stream().map(EventEnvelope::eventId).toList();
        return transactions.run(uow -> {
            for (ParkedKeys.ParkedRecord record : keep) {
                parked.keep(uow, handler.name(), record, false);
            }
            Set<UUID> claimed = idempotent.claim(uow, handler.name(), ids);
            applyClaimed(handler, uow, batch, claimed);
            return claimed.size();
        });
    }

    /**
     * A polled batch in one unit of work: one statement claims the envelopes whose keys are not parked and says which
     * keys are ({@link BatchClaim}); the records of parked keys are kept behind their keys, the claimed envelopes
     * applied in order.
     *
     * @return how many envelopes were applied
     */
    int applyUnlessParked(EventHandler handler, List<ParkedKeys.ParkedRecord> records) {
        List<EventEnvelope<?>> batch = records.stream().<EventEnvelope<?>>map(ParkedKeys.ParkedRecord::event).toList();
        return transactions.run(uow -> {
            BatchClaim claim = BatchClaim.of(uow, handler.name(), batch);
            for (ParkedKeys.ParkedRecord record : records) {
                if (claim.parkedKeys().contains(record.event().key())) {
                    parked.keep(uow, handler.name(), record, false);
                }
            }
            applyClaimed(handler, uow, batch, claim.claimed());
            return claim.claimed().size();
        });
    }

    /** Hands the claimed envelopes of the batch to the handler, in batch order, each once. */
    private static void applyClaimed(EventHandler handler, UnitOfWork uow, List<EventEnvelope<?>> batch,
            Set<UUID> claimed) {
        Set<UUID> pending = new HashSet<>(claimed);
        List<EventEnvelope<?>> toApply = new ArrayList<>(claimed.size());
        for (EventEnvelope<?> event : batch) {
            // remove(): an envelope repeated inside one batch is applied once, at its first position
            if (pending.remove(event.eventId())) {
                toApply.add(event);
            }
        }
        if (!toApply.isEmpty()) {
            handler.prepare(List.copyOf(toApply), uow);
        }
        for (EventEnvelope<?> event : toApply) {
            try (Correlation.Scope scope = Correlation.of(event)) {
                handler.handle(event, uow);
            }
        }
    }
}

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
 * Applies a batch of envelopes for one handler in one unit of work: claims their ids in {@code processed_event} (except
 * those of parked keys, which are kept behind their keys), then hands the newly claimed ones to the handler in order.
 * A redelivered envelope is claimed by nobody and skipped.
 */
@ApplicationScoped
public class TransactionalApplier {

    private final Transactions transactions;
    private final ParkedKeys parked;

    public TransactionalApplier(Transactions transactions, ParkedKeys parked) {
        this.transactions = transactions;
        this.parked = parked;
    }

    /**
     * A polled batch in one unit of work, blocking the calling thread until it commits: one statement claims the
     * envelopes whose keys are not parked and says which keys are ({@link BatchClaim}); the records of parked keys are
     * kept behind their keys, the claimed envelopes applied in order.
     *
     * @return how many envelopes were applied (the rest had been applied before, or are kept)
     */
    int apply(EventHandler handler, List<ParkedKeys.ParkedRecord> records) {
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

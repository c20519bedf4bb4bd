package io.tideline.messaging.consumer;

import io.tideline.events.EventEnvelope;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A polled batch's claim in one statement: the ids of its envelopes go into {@code processed_event}, except those of
 * keys the consumer has parked, and the answer says both which ids were claimed and which keys are parked. One
 * snapshot decides both, so an envelope is either claimed (and applied) or behind a parked key (and kept). The
 * consumer's poll costs one statement for it instead of a read of the parked keys and a claim.
 *
 * <p>The parked keys it finds stay locked ({@code for key share}) until the poll's unit of work ends. A re-drive
 * releasing one of them at the same moment either has deleted the key first (the claim waits for it, finds the key
 * gone, and the record is claimed and applied after the re-driven ones) or waits for the poll's commit and then takes
 * the kept record with the others. The second case relies on READ COMMITTED, the isolation every unit of work runs at:
 * the re-drive's next statement sees the record committed while it waited.
 *
 * @param claimed the ids this claim took: not applied before, not of a parked key, first of their id in the batch
 * @param parkedKeys the batch's keys that are parked
 */
record BatchClaim(Set<UUID> claimed, Set<String> parkedKeys) {

    private static final String CLAIM_UNLESS_PARKED = """
            with parked as (
                select event_key from parked_key where consumer = $1 and event_key = any($3) for key share)
            , claimed as (
                insert into processed_event (consumer, event_id)
                select $1, e.id from unnest($2::uuid[], $3::varchar[]) as e(id, event_key)
                where not exists (select 1 from parked p where p.event_key = e.event_key)
                on conflict do nothing
                returning event_id)
            select event_id, null::varchar as parked_key from claimed
            union all
            select null, event_key from parked""";

    /** Claims the batch's envelopes for the consumer in the unit of work, leaving out those of parked keys. */
    static BatchClaim of(UnitOfWork uow, String consumer, List<EventEnvelope<?>> batch) {
        UUID[] ids = new UUID[batch.size()];
        String[] keys = new String[batch.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = batch.get(i).eventId();
            keys[i] = batch.get(i).key();
        }
        Set<UUID> claimed = new HashSet<>();
        Set<String> parked = new HashSet<>();
        for (Row row : uow.list(CLAIM_UNLESS_PARKED, Tuple.of(consumer, ids, keys), row -> row)) {
            UUID id = row.getUUID(0);
            if (id != null) {
                claimed.add(id);
            } else {
                parked.add(row.getString(1));
            }
        }
        return new BatchClaim(claimed, parked);
    }
}

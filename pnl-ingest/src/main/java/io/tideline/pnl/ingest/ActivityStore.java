package io.tideline.pnl.ingest;

import io.tideline.messaging.tx.SentRead;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.activity.Activity;
import io.tideline.pnl.activity.Delivery;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code wallet_activity} table: each transfer stored once per desk wallet on it (by {@link Activity#key}, with the
 * block it was last seen in), marked removed when a reorg removes its log from that block, recorded again when it is
 * seen in another block after that (its transaction mined again), and read back per (wallet, transaction) to find the
 * trade in it.
 */
@ApplicationScoped
public class ActivityStore {

    /** A wallet's live transfers in one transaction, and when the first of them was seen. */
    public record TransactionTransfers(List<Activity> transfers, Instant firstSeenAt) {

        /** The transfers in their order, and when the first of them was seen. */
        public static TransactionTransfers of(List<SeenTransfer> seen) {
            List<Activity> transfers = new ArrayList<>(seen.size());
            Instant first = null;
            for (SeenTransfer s : seen) {
                transfers.add(s.transfer());
                first = first == null || s.seenAt().isBefore(first) ? s.seenAt() : first;
            }
            return new TransactionTransfers(transfers, first);
        }
    }

    /** A stored live transfer and when it was first seen. */
    public record SeenTransfer(Activity transfer, Instant seenAt) {
    }

    /**
     * Stores a delivery's transfers (activity i for wallet i) in one statement; returns the keys that count from now
     * on: new ones, and removed ones seen again in another block. A transfer known in another block and not removed
     * just moves to this block (its removal from the old one, if it comes, then changes nothing).
     */
    public Set<String> insertAll(UnitOfWork uow, Delivery delivery, List<Activity> activities, List<String> wallets) {
        return sendInsertAll(uow, delivery, activities, wallets).counted();
    }

    /**
     * {@link #insertAll}, sent without waiting: the reads sent after it share its round trip and see what it stored;
     * {@link SentInsert#counted} waits for it.
     */
    public SentInsert sendInsertAll(UnitOfWork uow, Delivery delivery, List<Activity> activities,
            List<String> wallets) {
        int n = activities.size();
        String[] keys = new String[n];
        String[] walletColumn = new String[n];
        String[] hashes = new String[n];
        Integer[] logIndexes = new Integer[n];
        String[] categories = new String[n];
        String[] froms = new String[n];
        String[] tos = new String[n];
        String[] contracts = new String[n];
        String[] tokenIds = new String[n];
        String[] values = new String[n];
        Long[] blocks = new Long[n];
        Boolean[] removed = new Boolean[n];
        String[] blockHashes = new String[n];
        for (int i = 0; i < n; i++) {
            Activity a = activities.get(i);
            keys[i] = a.key(wallets.get(i));
            walletColumn[i] = wallets.get(i);
            hashes[i] = a.txHash();
            logIndexes[i] = a.logIndex();
            categories[i] = a.category();
            froms[i] = a.from();
            tos[i] = a.to();
            contracts[i] = a.contract();
            tokenIds[i] = a.tokenId() == null ? null : a.tokenId().toString();
            values[i] = a.rawValue().toString();
            blocks[i] = a.blockNumber();
            removed[i] = a.removed();
            blockHashes[i] = a.blockHash();
        }
        SentRead<String> inserted = n == 0 ? null : uow.sendRead("insert into wallet_activity (activity_key,"
                        + " delivery_id, wallet, network, tx_hash, log_index, category, from_address, to_address,"
                        + " contract_address, token_id, raw_value, block_number, seen_at, removed, block_hash)"
                        + " select k, $2, w, $3, h, l, cat, f, t, ct, cast(tok as numeric), cast(v as numeric), b, $4,"
                        + " r, bh from unnest($1::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[],"
                        + " $10::text[], $11::text[], $12::text[], $13::text[], $14::bigint[], $15::boolean[],"
                        + " $16::text[]) as x(k, w, h, l, cat, f, t, ct, tok, v, b, r, bh)"
                        + " on conflict (activity_key) do nothing returning activity_key",
                Tuple.tuple(Arrays.asList(keys, delivery.deliveryId(), delivery.network(),
                        Sql.utc(delivery.createdAt()), walletColumn, hashes, logIndexes, categories, froms, tos,
                        contracts, tokenIds, values, blocks, removed, blockHashes)), r -> r.getString(0));
        return new SentInsert(uow, inserted, delivery.deliveryId(), keys, removed, blockHashes, blocks);
    }

    /** A delivery's transfers sent to be stored ({@link #sendInsertAll}). */
    public static final class SentInsert {

        private final UnitOfWork uow;
        private final SentRead<String> inserted;
        private final String deliveryId;
        private final String[] keys;
        private final Boolean[] removed;
        private final String[] blockHashes;
        private final Long[] blocks;
        private boolean moved;

        private SentInsert(UnitOfWork uow, SentRead<String> inserted, String deliveryId, String[] keys,
                Boolean[] removed, String[] blockHashes, Long[] blocks) {
            this.uow = uow;
            this.inserted = inserted;
            this.deliveryId = deliveryId;
            this.keys = keys;
            this.removed = removed;
            this.blockHashes = blockHashes;
            this.blocks = blocks;
        }

        /**
         * Waits for the insert; returns the keys that count from now on. Transfers known already that arrive in
         * another block are then moved to it by one more statement, after the ones sent beside the insert
         * ({@link #moved} says whether it changed anything they read).
         */
        public Set<String> counted() {
            if (inserted == null) {
                return Set.of();
            }
            Set<String> counted = new HashSet<>(inserted.rows());
            // Known already: in another block? (The join with the old row returns what it was before the update. A
            // row stored before blocks were kept has no block hash: it is left as it was.)
            List<String> known = new ArrayList<>();
            List<String> knownBlocks = new ArrayList<>();
            List<Long> knownNumbers = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                if (!counted.contains(keys[i]) && !removed[i] && blockHashes[i] != null) {
                    known.add(keys[i]);
                    knownBlocks.add(blockHashes[i]);
                    knownNumbers.add(blocks[i]);
                }
            }
            if (!known.isEmpty()) {
                List<Row> movedRows = uow.list("update wallet_activity w set removed = false, block_hash = x.bh,"
                        + " block_number = x.b, delivery_id = $4 from unnest($1::text[], $2::text[], $3::bigint[])"
                        + " as x(k, bh, b), wallet_activity old where w.activity_key = x.k and old.id = w.id"
                        + " and w.block_hash <> x.bh returning w.activity_key, old.removed",
                        Tuple.of(known.toArray(String[]::new), knownBlocks.toArray(String[]::new),
                                knownNumbers.toArray(Long[]::new), deliveryId), r -> r);
                moved = !movedRows.isEmpty();
                movedRows.stream().filter(r -> r.getBoolean(1)).forEach(r -> counted.add(r.getString(0)));
            }
            return counted;
        }

        /** Whether {@link #counted} moved known transfers to another block (reads sent before it did not see it). */
        public boolean moved() {
            return moved;
        }
    }

    /**
     * Marks a stored transfer removed from a block; true if it counted until now. A transfer known in another block
     * (mined again there) is not touched.
     */
    public boolean markRemoved(UnitOfWork uow, String activityKey, String blockHash) {
        return uow.exec("update wallet_activity set removed = true where activity_key = $1 and not removed"
                + " and ($2::text is null or block_hash is null or block_hash = $2)",
                Tuple.of(activityKey, blockHash)) > 0;
    }

    /**
     * The wallet's transfers in a transaction that a reorg has not removed, by log index: sent without waiting, so it
     * shares its round trip with the other reads of the transaction ({@link TransactionTransfers#of} reads the answer).
     */
    public SentRead<SeenTransfer> sendLiveTransfers(UnitOfWork uow, String wallet, String txHash) {
        return uow.sendRead("select * from wallet_activity where wallet = $1 and tx_hash = $2 and not removed"
                + " order by log_index nulls last", Tuple.of(wallet, txHash), ActivityStore::seenTransfer);
    }

    private static SeenTransfer seenTransfer(Row r) {
        BigDecimal token = r.getBigDecimal("token_id");
        return new SeenTransfer(new Activity(r.getString("tx_hash"), r.getInteger("log_index"),
                r.getLong("block_number"), r.getString("category"), r.getString("from_address"),
                r.getString("to_address"), r.getString("contract_address"), null,
                r.getBigDecimal("raw_value").toBigIntegerExact(), null, token == null ? null : token.toBigIntegerExact(),
                false), Sql.instant(r, "seen_at"));
    }

    /** How many of these (transaction, log index) pairs are stored already (for any wallet). */
    public long countKnown(Sql sql, List<String> txHashes, List<Integer> logIndexes) {
        return sql.one("select count(distinct (tx_hash, log_index)) from wallet_activity"
                + " where (tx_hash, log_index) in (select * from unnest($1::text[], $2::int[]))",
                Tuple.of(txHashes.toArray(String[]::new), logIndexes.toArray(Integer[]::new)), r -> r.getLong(0));
    }
}

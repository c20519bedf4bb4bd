package io.tideline.pnl.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.events.EventEnvelope;
import io.tideline.events.pnl.WalletActivityReceived;
import io.tideline.messaging.outbox.Outbox;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.sql.BlockingSql;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.pnl.activity.Activity;
import io.tideline.pnl.activity.AlchemyPayload;
import io.tideline.pnl.activity.Delivery;
import io.tideline.pnl.activity.InvalidPayloadException;
import io.tideline.pnl.config.PnlConfig;
import io.tideline.pnl.config.PnlWiring;
import io.tideline.pnl.execution.ExecutionRecorder;
import io.tideline.pnl.execution.PnlEvents;
import io.tideline.pnl.execution.PolymarketTrades;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Processes acknowledged deliveries from the inbox, oldest first, a batch per transaction: each transfer is stored
 * once per wallet (WalletActivityReceived), a removed log marks its transfer removed, and every transaction touched is
 * read again for a Polymarket trade, so an execution appears once both of its legs are known and is retracted when a
 * leg is removed. State and events commit together. A body that cannot be read is set aside with the reason; a
 * database failure rolls the batch back and it is retried (one delivery at a time, set aside after
 * {@value #ATTEMPTS_BEFORE_SET_ASIDE} failures, so one bad delivery cannot stall the inbox).
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    static final int ATTEMPTS_BEFORE_SET_ASIDE = 3;
    private static final int CLAIM_CHUNK = 10;

    private final PnlWiring wiring;
    private final SchemaMigration schema;
    private final PollingWorker worker;
    private final BlockingSql sql;
    private final Map<Long, Integer> failures = new HashMap<>();
    private final AtomicLong processed = new AtomicLong();
    private volatile boolean oneAtATime;
    private boolean registrySeeded;
    private volatile BatchFigures lastBatch = new BatchFigures(0, 0);

    public InboxProcessor(PnlWiring wiring, SchemaMigration schema) {
        this.wiring = wiring;
        this.schema = schema;
        this.sql = wiring.sql();
        PnlConfig.Processing config = wiring.config().processing();
        this.worker = new PollingWorker("pnl-inbox", this::step, config.pollInterval(), MAX_BACKOFF,
                this::failed);
    }

    void onStart(@Observes StartupEvent event) {
        if (wiring.config().processing().enabled()) {
            worker.start();
        } else {
            LOG.warn("inbox processing is off (tideline.pnl.processing.enabled=false): deliveries are stored only");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(30));
    }

    /** Tells the processor a delivery was stored, so it does not wait out its poll interval. */
    public void wake() {
        worker.wake();
    }

    /** The last batch processed: deliveries in it and the milliseconds its transaction took. */
    public record BatchFigures(int deliveries, double millis) {
    }

    public BatchFigures lastBatch() {
        return lastBatch;
    }

    /** Deliveries processed since start. */
    public long processedCount() {
        return processed.get();
    }

    private boolean step() {
        if (!schema.isMigrated()) {
            return false;
        }
        if (!registrySeeded) {
            wiring.registerConfiguredOutcomes();
            registrySeeded = true;
        }
        int limit = oneAtATime ? 1 : wiring.config().processing().batchSize();
        long deadline = System.nanoTime() + wiring.config().processing().maxBatchTime().toNanos();
        long started = System.nanoTime();
        boolean[] more = {false};
        int done = wiring.inTransaction(c -> {
            // Claim a few at a time and stop at the batch's time budget: a long transaction would hold the events
            // of its first deliveries back until it commits.
            int count = 0;
            while (count < limit) {
                int chunk = Math.min(CLAIM_CHUNK, limit - count);
                List<Row> rows = sql.list(c, "select id, body from webhook_inbox where processed_at is null"
                        + " order by id limit $1 for update skip locked", Tuple.of(chunk), r -> r);
                // One update and one outbox write per chunk, in delivery order.
                List<EventEnvelope<?>> events = new ArrayList<>();
                List<Long> read = new ArrayList<>();
                for (Row row : rows) {
                    if (process(c, row.getLong("id"), row.getString("body"), events)) {
                        read.add(row.getLong("id"));
                    }
                }
                if (!read.isEmpty()) {
                    sql.exec(c, "update webhook_inbox set processed_at = now() where id = any($1)",
                            Tuple.of(read.toArray(Long[]::new)));
                }
                Outbox.appendWithin(c, events, Duration.ofSeconds(30));
                count += rows.size();
                more[0] = rows.size() == chunk;
                if (!more[0] || System.nanoTime() > deadline) {
                    break;
                }
            }
            return count;
        });
        if (done > 0) {
            processed.addAndGet(done);
            oneAtATime = false;
            lastBatch = new BatchFigures(done, (System.nanoTime() - started) / 1_000_000.0);
        }
        return more[0];
    }

    private void failed(RuntimeException e) {
        if (!oneAtATime) {
            oneAtATime = true;
            return;
        }
        Long next = wiring.tx().run(c -> sql.first(c, "select id from webhook_inbox where processed_at is null"
                + " order by id limit 1", Tuple.tuple(), r -> r.getLong(0)).orElse(null));
        if (next == null) {
            return;
        }
        int attempts = failures.merge(next, 1, Integer::sum);
        if (attempts >= ATTEMPTS_BEFORE_SET_ASIDE) {
            failures.remove(next);
            String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            LOG.errorf(e, "inbox delivery %d failed %d times; set aside: %s", next, attempts, reason);
            wiring.tx().run(c -> sql.exec(c, "update webhook_inbox set processed_at = now(), process_error = $2"
                    + " where id = $1", Tuple.of(next, reason)));
        }
    }

    /** Reads one delivery, adding the events it causes; false when it was set aside instead. */
    private boolean process(SqlConnection c, long inboxId, String body, List<EventEnvelope<?>> events) {
        Delivery delivery;
        try {
            delivery = AlchemyPayload.parse(body.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidPayloadException e) {
            LOG.errorf("inbox delivery %d set aside: %s", inboxId, e.getMessage());
            sql.exec(c, "update webhook_inbox set processed_at = now(), process_error = $2 where id = $1",
                    Tuple.of(inboxId, e.getMessage()));
            return false;
        }
        Set<String> touched = new LinkedHashSet<>(); // wallet|txHash
        List<Activity> added = new ArrayList<>();
        List<String> addedWallets = new ArrayList<>();
        for (Activity a : delivery.activities()) {
            for (String wallet : walletsOf(a)) {
                if (a.removed()) {
                    if (remove(c, inboxId, delivery, a, wallet, events)) {
                        touched.add(wallet + "|" + a.txHash());
                    }
                } else {
                    added.add(a);
                    addedWallets.add(wallet);
                }
            }
        }
        Set<String> inserted = insertAll(c, inboxId, delivery, added, addedWallets);
        for (int i = 0; i < added.size(); i++) {
            Activity a = added.get(i);
            String wallet = addedWallets.get(i);
            if (inserted.contains(a.key(wallet))) {
                events.add(received(delivery, a, wallet));
                touched.add(wallet + "|" + a.txHash());
            }
        }
        for (String walletAndTx : touched) {
            int bar = walletAndTx.indexOf('|');
            events.addAll(readTransaction(c, delivery.network(), walletAndTx.substring(0, bar),
                    walletAndTx.substring(bar + 1)));
        }
        return true;
    }

    private List<String> walletsOf(Activity a) {
        List<String> wallets = new ArrayList<>(2);
        if (wiring.isWallet(a.from())) {
            wallets.add(a.from());
        }
        if (!a.to().equals(a.from()) && wiring.isWallet(a.to())) {
            wallets.add(a.to());
        }
        return wallets;
    }

    /** Marks one transfer removed for one wallet; true if it had counted until now. */
    private boolean remove(SqlConnection c, long inboxId, Delivery delivery, Activity a, String wallet,
            List<EventEnvelope<?>> events) {
        String key = a.key(wallet);
        boolean changed = sql.exec(c, "update wallet_activity set removed = true where activity_key = $1"
                + " and not removed", Tuple.of(key)) > 0;
        if (changed) {
            events.add(received(delivery, a, wallet));
        } else {
            // Removed before we saw it added: remember the removal, so a late copy of the add is ignored.
            insertAll(c, inboxId, delivery, List.of(a), List.of(wallet));
        }
        return changed;
    }

    private static EventEnvelope<?> received(Delivery delivery, Activity a, String wallet) {
        return PnlEvents.of(PnlEvents.idOf("activity|" + a.key(wallet) + "|" + a.removed()), wallet,
                new WalletActivityReceived(delivery.webhookId(), delivery.deliveryId(), delivery.network(), wallet,
                        a.txHash(), a.logIndex(), a.category(), a.from(), a.to(), a.contract(), a.asset(),
                        a.rawValue(), a.decimals(), a.tokenId() == null ? null : a.tokenId().toString(),
                        a.blockNumber(), a.removed()));
    }

    /** Stores a delivery's transfers in one statement; returns the keys that were new. */
    private Set<String> insertAll(SqlConnection c, long inboxId, Delivery delivery, List<Activity> activities,
            List<String> wallets) {
        if (activities.isEmpty()) {
            return Set.of();
        }
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
        }
        return new HashSet<>(sql.list(c, "insert into wallet_activity (activity_key, inbox_id, wallet,"
                        + " network, tx_hash, log_index, category, from_address, to_address, contract_address, token_id,"
                        + " raw_value, block_number, seen_at, removed) select k, $2, w, $3, h, l, cat, f, t, ct,"
                        + " cast(tok as numeric), cast(v as numeric), b, $4, r from unnest($1::text[], $5::text[],"
                        + " $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],"
                        + " $13::text[], $14::bigint[], $15::boolean[]) as x(k, w, h, l, cat, f, t, ct, tok, v, b, r)"
                        + " on conflict (activity_key) do nothing returning activity_key",
                Tuple.tuple(Arrays.asList(keys, inboxId, delivery.network(), BlockingSql.utc(delivery.createdAt()),
                        walletColumn, hashes, logIndexes, categories, froms, tos, contracts, tokenIds, values, blocks,
                        removed)), r -> r.getString(0)));
    }

    /** Reads a wallet's transaction again from all its known transfers; records or retracts its execution. */
    private List<EventEnvelope<?>> readTransaction(SqlConnection c, String network, String wallet, String txHash) {
        List<Row> rows = sql.list(c, "select * from wallet_activity where wallet = $1 and tx_hash = $2 and not removed"
                + " order by log_index nulls last", Tuple.of(wallet, txHash), r -> r);
        List<Activity> transfers = new ArrayList<>();
        Instant executedAt = null;
        for (Row r : rows) {
            BigDecimal token = r.getBigDecimal("token_id");
            transfers.add(new Activity(r.getString("tx_hash"), r.getInteger("log_index"), r.getLong("block_number"),
                    r.getString("category"), r.getString("from_address"), r.getString("to_address"),
                    r.getString("contract_address"), null, r.getBigDecimal("raw_value").toBigIntegerExact(), null,
                    token == null ? null : token.toBigIntegerExact(), false));
            Instant seen = BlockingSql.instant(r, "seen_at");
            executedAt = executedAt == null || seen.isBefore(executedAt) ? seen : executedAt;
        }
        ExecutionRecorder recorder = wiring.recorder();
        List<String> live = recorder.liveIdsOfTransaction(c, wallet, txHash);
        List<EventEnvelope<?>> events = new ArrayList<>();
        PolymarketTrades.Reading reading = transfers.isEmpty() ? null
                : wiring.trades().read(network, wallet, transfers, token -> wiring.outcomeOf(c, token), executedAt);
        String keep = reading == null || reading.execution() == null ? null : reading.execution().executionId();
        for (String id : live) {
            if (!id.equals(keep)) {
                events.addAll(recorder.retract(c, id));
            }
        }
        if (keep != null && !live.contains(keep)) {
            events.addAll(recorder.record(c, reading.execution()).events());
        } else if (reading != null && keep == null) {
            LOG.debugf("tx %s of %s: no trade (%s)", txHash, wallet, reading.noTradeReason());
        }
        return events;
    }
}

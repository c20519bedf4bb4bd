package io.tideline.pnl.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.sql.BlockingSql;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.pnl.activity.AlchemyPayload;
import io.tideline.pnl.config.PnlConfig;
import io.tideline.pnl.config.PnlWiring;
import io.tideline.pnl.inbox.InboxProcessor;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The safety net under the webhooks: every few minutes, scans the last hours of the chain for ERC-20 and ERC-1155
 * transfers from and to the desk's wallets with plain {@code eth_getLogs}, and puts what it finds into the inbox as
 * Address Activity deliveries (one per block, id {@code poll:<network>:<blockHash>}), so they are read by the same
 * code and deduplicated against the webhooks' copies by their (hash, logIndex).
 */
@ApplicationScoped
public class FallbackPoller {

    private static final Logger LOG = Logger.getLogger(FallbackPoller.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RPC_TIMEOUT = Duration.ofSeconds(20);
    public static final String WEBHOOK_ID = "fallback-poller";

    private final PnlWiring wiring;
    private final SchemaMigration schema;
    private final InboxProcessor processor;
    private final Clock clock;
    private final PnlConfig.Poller config;
    private final EthRpc rpc;
    private final PollingWorker worker;
    private volatile Instant lastScan = Instant.EPOCH;

    public FallbackPoller(PnlWiring wiring, SchemaMigration schema, InboxProcessor processor, Clock clock) {
        this.wiring = wiring;
        this.schema = schema;
        this.processor = processor;
        this.clock = clock;
        this.config = wiring.config().poller();
        this.rpc = config.rpcUrl().map(url -> new EthRpc(url, RPC_TIMEOUT)).orElse(null);
        this.worker = new PollingWorker("pnl-fallback-poller", this::scheduledStep, Duration.ofSeconds(5),
                Duration.ofMinutes(2));
    }

    /**
     * What one scan did.
     *
     * @param logsFound      transfer logs of the wallets in the range
     * @param newActivities  of those, transfers not already known (from a webhook or an earlier scan)
     * @param deliveries     deliveries put into the inbox (blocks not scanned before)
     */
    public record Scan(Instant startedAt, long fromBlock, long toBlock, int logsFound, int newActivities,
                       int deliveries, String trigger) {
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (rpc == null || wiring.wallets().isEmpty()) {
            LOG.infof("fallback poller off: it needs tideline.pnl.poller.rpc-url and tideline.pnl.wallets");
            return;
        }
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(30));
    }

    /** Whether a scan can run at all (an endpoint and wallets are configured). */
    public boolean configured() {
        return rpc != null && !wiring.wallets().isEmpty();
    }

    private boolean scheduledStep() {
        if (!schema.isMigrated() || clock.instant().isBefore(lastScan.plus(config.interval()))) {
            return false;
        }
        scan("schedule");
        return false;
    }

    /** Scans the lookback window now. */
    public synchronized Scan scan(String trigger) {
        Instant started = clock.instant();
        lastScan = started;
        long head = rpc.blockNumber();
        long from = firstBlockAtOrAfter(started.minus(config.lookback()).getEpochSecond(), head);
        List<String> wallets = List.copyOf(wiring.wallets());
        List<List<Object>> filters = TransferLogs.filters(wallets);
        Map<Long, List<JsonNode>> byBlock = new TreeMap<>();
        int logs = 0;
        for (long start = from; start <= head; start += config.maxBlockRange()) {
            long end = Math.min(head, start + config.maxBlockRange() - 1);
            for (JsonNode log : rpc.logs(start, end, filters)) {
                if (log.path("removed").asBoolean(false)) {
                    continue;
                }
                byBlock.computeIfAbsent(EthRpc.quantity(log.get("blockNumber")).longValueExact(),
                        b -> new ArrayList<>()).add(log);
                logs++;
            }
        }
        int[] stored = store(byBlock);
        Scan scan = new Scan(started, from, head, logs, stored[1], stored[0], trigger);
        wiring.tx().run(c -> wiring.sql().exec(c, "insert into poller_run (started_at, from_block, to_block,"
                + " logs_found, new_activities, trigger) values ($1, $2, $3, $4, $5, $6)",
                Tuple.tuple(List.of(BlockingSql.utc(scan.startedAt()), scan.fromBlock(), scan.toBlock(),
                        scan.logsFound(), scan.newActivities(), trigger))));
        if (stored[0] > 0) {
            processor.wake();
            LOG.infof("fallback poller: blocks %d-%d, %d transfer log(s), %d not seen before", from, head, logs,
                    stored[1]);
        }
        return scan;
    }

    /** Puts one delivery per block into the inbox; returns {deliveries stored, activities not known before}. */
    private int[] store(Map<Long, List<JsonNode>> byBlock) {
        if (byBlock.isEmpty()) {
            return new int[] {0, 0};
        }
        List<EthRpc.BlockHeader> headers = rpc.headers(List.copyOf(byBlock.keySet()));
        int deliveries = 0;
        int fresh = 0;
        for (EthRpc.BlockHeader header : headers) {
            ArrayNode activities = JSON.createArrayNode();
            List<String> hashes = new ArrayList<>();
            List<Integer> logIndexes = new ArrayList<>();
            for (JsonNode log : byBlock.get(header.number())) {
                ObjectNode activity = TransferLogs.activity(log);
                if (activity != null) {
                    activities.add(activity);
                    hashes.add(activity.get("hash").asText());
                    logIndexes.add(EthRpc.quantity(log.get("logIndex")).intValueExact());
                }
            }
            if (activities.isEmpty()) {
                continue;
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("webhookId", WEBHOOK_ID);
            body.put("id", "poll:" + config.network() + ":" + header.hash());
            body.put("createdAt", Instant.ofEpochSecond(header.timestamp()).toString());
            body.put("type", AlchemyPayload.ADDRESS_ACTIVITY);
            ObjectNode event = body.putObject("event");
            event.put("network", config.network());
            event.set("activity", activities);
            String json = body.toString();
            int[] counts = wiring.tx().run(c -> {
                long known = wiring.sql().first(c, "select count(distinct (tx_hash, log_index)) from wallet_activity"
                        + " where (tx_hash, log_index) in (select * from unnest($1::text[], $2::int[]))",
                        Tuple.of(hashes.toArray(String[]::new), logIndexes.toArray(Integer[]::new)),
                        r -> r.getLong(0)).orElse(0L);
                int inserted = wiring.sql().exec(c, "insert into webhook_inbox (source, webhook_id, delivery_id,"
                        + " created_at, body) values ('poller', $1, $2, $3, $4) on conflict (delivery_id) do nothing",
                        Tuple.of(WEBHOOK_ID, body.get("id").asText(),
                                BlockingSql.utc(Instant.ofEpochSecond(header.timestamp())), json));
                return new int[] {inserted, hashes.size() - (int) known};
            });
            deliveries += counts[0];
            fresh += counts[0] > 0 ? counts[1] : 0;
        }
        return new int[] {deliveries, fresh};
    }

    /** Binary search for the first block whose timestamp is at or after {@code epochSecond} (head if none). */
    private long firstBlockAtOrAfter(long epochSecond, long head) {
        long lo = 0;
        long hi = head;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            long time = rpc.headers(List.of(mid)).get(0).timestamp();
            if (time < epochSecond) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

package io.tideline.pnl.poller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.evm.BlockHeader;
import io.tideline.evm.ChainLog;
import io.tideline.evm.LogQuery;
import io.tideline.evm.NodeUrl;
import io.tideline.evm.RpcClient;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.pnl.activity.AlchemyPayload;
import io.tideline.pnl.activity.Delivery;
import io.tideline.pnl.config.DeskWallets;
import io.tideline.pnl.config.PnlConfig;
import io.tideline.pnl.ingest.ActivityStore;
import io.tideline.pnl.webhook.WebhookInbox;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The safety net under the webhooks: every few minutes, scans the last hours of the chain (up to the head less a few
 * confirmations) for ERC-20 and ERC-1155 transfers from and to the desk's wallets with plain {@code eth_getLogs}, and
 * puts what it finds into the inbox as Address Activity deliveries (one per block, id
 * {@code poll:<network>:<blockHash>}), so they are read by the same code and deduplicated against the webhooks' copies
 * by their (hash, logIndex). The node is asked through shared-evm's {@link RpcClient} and named by
 * {@link NodeUrl scheme, host and port} only, in logs, state and errors: the configured URL may carry an API key.
 */
@ApplicationScoped
public class FallbackPoller {

    private static final Logger LOG = Logger.getLogger(FallbackPoller.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RPC_TIMEOUT = Duration.ofSeconds(20);
    public static final String WEBHOOK_ID = "fallback-poller";

    private final Transactions transactions;
    private final WebhookInbox inbox;
    private final ActivityStore known;
    private final DeskWallets wallets;
    private final SchemaMigration schema;
    private final Clock clock;
    private final PnlConfig.Poller config;
    /** Null when no usable RPC URL is configured (then the poller is off). */
    private final RpcClient rpc;
    private final PollingWorker worker;
    private final Duration stuckAfter;
    private volatile Instant lastScan = Instant.EPOCH;

    public FallbackPoller(PnlConfig config, Transactions transactions, WebhookInbox inbox, ActivityStore activities,
            DeskWallets wallets, SchemaMigration schema, Clock clock,
            @ConfigProperty(name = "tideline.messaging.stuck-after", defaultValue = "5m") Duration stuckAfter) {
        this.stuckAfter = stuckAfter;
        this.transactions = transactions;
        this.inbox = inbox;
        this.known = activities;
        this.wallets = wallets;
        this.schema = schema;
        this.clock = clock;
        this.config = config.poller();
        this.rpc = this.config.rpcUrl().filter(url -> NodeUrl.hostOnly(url).isPresent())
                .map(url -> new RpcClient(url, RPC_TIMEOUT)).orElse(null);
        this.worker = new PollingWorker("pnl-fallback-poller", this::scheduledStep, Duration.ofSeconds(5),
                Duration.ofMinutes(2));
    }

    /**
     * What one scan did.
     *
     * @param toBlock        the head less {@code tideline.pnl.poller.confirmations}
     * @param logsFound      transfer logs of the wallets in the range
     * @param newActivities  of those, transfers not already known (from a webhook or an earlier scan)
     * @param deliveries     deliveries put into the inbox (blocks not scanned before)
     * @param skippedLogs    logs that could not be read (logged with the reason; the scan went on without them)
     */
    public record Scan(Instant startedAt, long fromBlock, long toBlock, int logsFound, int newActivities,
                       int deliveries, int skippedLogs, String trigger) {
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        if (!configured()) {
            if (config.rpcUrl().isPresent() && rpc == null) {
                // Not echoed: it may carry a key.
                LOG.warn("fallback poller off: tideline.pnl.poller.rpc-url is not an http(s) URL with a host");
            } else {
                LOG.infof("fallback poller off: it needs tideline.pnl.poller.rpc-url and tideline.pnl.wallets");
            }
            return;
        }
        LOG.infof("fallback poller on: node %s, %d wallet(s)", rpc.node(), wallets.listed().size());
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(30));
        if (rpc != null) {
            rpc.close();
        }
    }

    /**
     * The poller's state.
     *
     * @param node        the node asked, as {@code scheme://host[:port]} (absent when none is configured)
     * @param worker      RUNNING, STOPPED (off), DEAD or STUCK
     * @param lastScanAt  when the last scan that completed started (absent before the first)
     * @param lastFailure why the last scheduled scan failed, while it has not succeeded since
     */
    public record State(boolean configured, String node, String worker, Instant lastScanAt, String lastFailure) {
    }

    public State state() {
        var state = worker.state(stuckAfter);
        return new State(configured(), rpc == null ? null : rpc.node(), state.state(),
                Instant.EPOCH.equals(lastScan) ? null : lastScan, state.lastFailure());
    }

    /** Whether a scan can run at all (an http(s) endpoint and wallets are configured). */
    public boolean configured() {
        return rpc != null && !wallets.listed().isEmpty();
    }

    /**
     * A scheduled scan when one is due. A scan that fails (the node or the database away) throws, so the worker
     * backs off and tries again; only a scan that completed (scheduled or manual) moves the schedule on.
     */
    private boolean scheduledStep() {
        if (!schema.isMigrated() || clock.instant().isBefore(lastScan.plus(config.interval()))) {
            return false;
        }
        scan("schedule");
        return false;
    }

    /** Scans the lookback window now, up to the head less the confirmations. */
    public synchronized Scan scan(String trigger) {
        Instant started = clock.instant();
        long to = Math.max(0, rpc.blockNumber() - config.confirmations());
        long from = firstBlockAtOrAfter(started.minus(config.lookback()).getEpochSecond(), to);
        List<LogQuery> filters = TransferLogs.filters(List.copyOf(wallets.listed()));
        List<ChainLog> logs = new ArrayList<>();
        for (long start = from; start <= to; start += config.maxBlockRange()) {
            // one batch of the four queries per range; their logs in the order of the queries
            rpc.logs(filters, start, Math.min(to, start + config.maxBlockRange() - 1)).forEach(logs::addAll);
        }
        TransferLogs.Found found = TransferLogs.read(logs);
        for (String skipped : found.skipped()) {
            LOG.warnf("fallback poller: a log that cannot be read is skipped: %s", skipped);
        }
        int[] stored = store(found.byBlock());
        Scan scan = new Scan(started, from, to, found.logs(), stored[1], stored[0], found.skipped().size(), trigger);
        transactions.execute(uow -> uow.exec("insert into poller_run (started_at, from_block, to_block, logs_found,"
                + " new_activities, trigger) values ($1, $2, $3, $4, $5, $6)", Tuple.tuple(List.of(
                        Sql.utc(scan.startedAt()), scan.fromBlock(), scan.toBlock(), scan.logsFound(),
                        scan.newActivities(), trigger))));
        lastScan = started;
        if (stored[0] > 0) {
            LOG.infof("fallback poller: blocks %d-%d, %d transfer log(s), %d not seen before", from, to,
                    found.logs(), stored[1]);
        }
        return scan;
    }

    /** Puts one delivery per block into the inbox; returns {deliveries stored, activities not known before}. */
    private int[] store(Map<Long, List<ObjectNode>> byBlock) {
        if (byBlock.isEmpty()) {
            return new int[] {0, 0};
        }
        List<BlockHeader> headers = rpc.headers(List.copyOf(byBlock.keySet()));
        int deliveries = 0;
        int fresh = 0;
        for (BlockHeader header : headers) {
            ArrayNode activities = JSON.createArrayNode();
            List<String> hashes = new ArrayList<>();
            List<Integer> logIndexes = new ArrayList<>();
            for (ObjectNode activity : byBlock.get(header.number())) {
                activities.add(activity);
                hashes.add(activity.get("hash").asText());
                logIndexes.add(Integer.decode(activity.get("log").get("logIndex").asText()));
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("webhookId", WEBHOOK_ID);
            body.put("id", "poll:" + config.network() + ":" + header.hash());
            body.put("createdAt", header.time().toString());
            body.put("type", AlchemyPayload.ADDRESS_ACTIVITY);
            ObjectNode event = body.putObject("event");
            event.put("network", config.network());
            event.set("activity", activities);
            String json = body.toString();
            Delivery delivery = AlchemyPayload.parse(json.getBytes(StandardCharsets.UTF_8));
            int[] counts = transactions.run(uow -> {
                long seen = known.countKnown(uow, hashes, logIndexes);
                boolean accepted = inbox.accept(uow, delivery, json);
                return new int[] {accepted ? 1 : 0, hashes.size() - (int) seen};
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
            long time = rpc.headers(List.of(mid)).get(0).time().getEpochSecond();
            if (time < epochSecond) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

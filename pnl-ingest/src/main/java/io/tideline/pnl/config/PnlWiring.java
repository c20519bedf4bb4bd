package io.tideline.pnl.config;

import io.tideline.messaging.outbox.OutboxRelay;
import io.tideline.messaging.sql.BlockingSql;
import io.tideline.messaging.sql.BlockingTransaction;
import io.tideline.pnl.alert.AlertMatcher;
import io.tideline.pnl.execution.ExecutionRecorder;
import io.tideline.pnl.execution.OutcomeRef;
import io.tideline.pnl.execution.PolymarketTrades;
import io.tideline.pnl.pnl.PnlLedger;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The plain-Java parts of the service (no framework in them), built once from the configuration and shared by the
 * inbox processor, the poller and the HTTP resources, all of which work in blocking transactions on worker threads.
 */
@ApplicationScoped
public class PnlWiring {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    private final PnlConfig config;
    private final Instance<OutboxRelay> relay;
    private final BlockingTransaction tx;
    private final BlockingSql sql = new BlockingSql(DB_TIMEOUT);
    private final AlertMatcher matcher;
    private final PnlLedger ledger;
    private final ExecutionRecorder recorder;
    private final PolymarketTrades trades;
    private final Set<String> wallets;
    private final Set<String> contracts = new HashSet<>();
    private final Map<BigInteger, OutcomeRef> outcomes = new ConcurrentHashMap<>();

    public PnlWiring(PnlConfig config, Pool pool, Instance<OutboxRelay> relay) {
        this.config = config;
        this.relay = relay;
        this.tx = new BlockingTransaction(pool, DB_TIMEOUT);
        this.matcher = new AlertMatcher(sql, config.matching().window());
        this.ledger = new PnlLedger(sql, config.lots().defaultMethod());
        this.recorder = new ExecutionRecorder(sql, matcher, ledger);
        PnlConfig.Polymarket pm = config.polymarket();
        List<String> fees = pm.feeRecipients().orElse(List.of());
        this.trades = new PolymarketTrades(pm.venue(), pm.conditionalTokens(), pm.collateralTokens(), fees,
                pm.decimals());
        this.wallets = lower(config.wallets().orElse(List.of()));
        contracts.add(ZERO_ADDRESS);
        contracts.add(pm.conditionalTokens().toLowerCase(Locale.ROOT));
        contracts.addAll(lower(pm.collateralTokens()));
        contracts.addAll(lower(fees));
    }

    /**
     * Runs work in one transaction and, once it has committed, wakes the outbox relay so the events it wrote are
     * published now rather than at the relay's next poll.
     */
    public <T> T inTransaction(Function<SqlConnection, T> work) {
        T result = tx.run(work);
        relay.stream().forEach(OutboxRelay::wake);
        return result;
    }

    /** Seeds the outcome-token registry with the configured tokens (idempotent). */
    public void registerConfiguredOutcomes() {
        String venue = config.polymarket().venue();
        for (PnlConfig.OutcomeToken token : config.polymarket().outcomeTokens()) {
            tx.run(c -> sql.exec(c, "insert into outcome_token (token_id, venue, market, outcome) values ($1, $2, $3,"
                            + " $4) on conflict (token_id) do update set market = excluded.market,"
                            + " outcome = excluded.outcome",
                    Tuple.of(new BigDecimal(token.tokenId()), venue, token.market(),
                            token.outcome())));
        }
    }

    /**
     * The registry's answer for an outcome token id, read in the caller's transaction. Known ids are kept in memory:
     * an entry never changes once written (alerts only add ids; the configured ones are written before processing).
     */
    public OutcomeRef outcomeOf(SqlClient c, BigInteger tokenId) {
        OutcomeRef known = outcomes.get(tokenId);
        if (known != null) {
            return known;
        }
        OutcomeRef found = sql.first(c, "select venue, market, outcome from outcome_token where token_id = $1",
                Tuple.of(new BigDecimal(tokenId)),
                r -> new OutcomeRef(r.getString(0), r.getString(1), r.getString(2))).orElse(null);
        if (found != null) {
            outcomes.put(tokenId, found);
        }
        return found;
    }

    /** Whether a transfer's side counts as one of the desk's wallets. */
    public boolean isWallet(String address) {
        return wallets.isEmpty() ? !contracts.contains(address) : wallets.contains(address);
    }

    public Set<String> wallets() {
        return wallets;
    }

    public PnlConfig config() {
        return config;
    }

    public BlockingTransaction tx() {
        return tx;
    }

    public BlockingSql sql() {
        return sql;
    }

    public AlertMatcher matcher() {
        return matcher;
    }

    public PnlLedger ledger() {
        return ledger;
    }

    public ExecutionRecorder recorder() {
        return recorder;
    }

    public PolymarketTrades trades() {
        return trades;
    }

    private static Set<String> lower(List<String> addresses) {
        Set<String> set = new HashSet<>();
        addresses.forEach(a -> set.add(a.trim().toLowerCase(Locale.ROOT)));
        return set;
    }
}

package io.tideline.perp.marketdata;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.events.EventEnvelope;
import io.tideline.events.market.PriceObserved;
import io.tideline.extended.ExtendedClient;
import io.tideline.extended.ExtendedMarketStats;
import io.tideline.extended.ExtendedRejectedException;
import io.tideline.extended.ExtendedUnavailableException;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.venue.extended.ExtendedConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Extended's mark prices on {@code market.prices} (thread {@code perp-market-data}): every {@code poll-interval} each
 * configured market's stats are read ({@code GET /info/markets/{market}/stats}) and, when the mark differs from the
 * one last published for its instrument, a PriceObserved (key = instrument) is published through the outbox in the
 * unit of work that keeps it ({@link PublishedPrices}). A re-poll of an unchanged mark publishes nothing; a market the
 * venue does not answer for publishes nothing, is logged once per outage and shows DOWN in
 * {@code /q/health/group/market-data} ({@link MarketDataHealth}); the other markets go on.
 */
@ApplicationScoped
public class MarketDataFeed {

    private static final Logger LOG = Logger.getLogger(MarketDataFeed.class);
    static final String SERVICE = "perp-hedger";

    /** How one market's latest read went. */
    public record MarketState(String market, String instrument, boolean up, String detail, Instant at) {
    }

    private record FeedMarket(String market, String instrument) {
    }

    private final Transactions transactions;
    private final PublishedPrices published;
    private final SchemaMigration schema;
    private final boolean enabled;
    private final List<FeedMarket> markets = new ArrayList<>();
    private final Map<String, MarketState> states = new ConcurrentHashMap<>();
    private final Clock clock;
    private ExtendedClient client;
    private PollingWorker worker;

    public MarketDataFeed(Transactions transactions, PublishedPrices published, SchemaMigration schema,
            HedgerConfig config) {
        this.transactions = transactions;
        this.published = published;
        this.schema = schema;
        this.clock = Clock.systemUTC();
        HedgerConfig.ExtendedFeed feed = config.marketData().extended();
        this.enabled = feed.enabled();
        if (!enabled) {
            return;
        }
        List<? extends HedgerConfig.FeedMarket> configured = feed.markets();
        if (configured.isEmpty()) {
            throw new IllegalArgumentException("tideline.perp.market-data.extended.markets is empty: name at least one"
                    + " market (markets[0].market=ETH-USD) or turn the feed off");
        }
        for (int i = 0; i < configured.size(); i++) {
            HedgerConfig.FeedMarket m = configured.get(i);
            String market = m.market().trim();
            if (market.isEmpty()) {
                throw new IllegalArgumentException("tideline.perp.market-data.extended.markets[" + i + "].market is"
                        + " empty");
            }
            String instrument = m.instrument().map(String::trim).filter(s -> !s.isEmpty()).orElse(market);
            markets.add(new FeedMarket(market, instrument));
        }
        this.client = ExtendedConnection.readOnly(config.extended(), "the Extended market-data feed"
                + " (tideline.perp.market-data.extended.enabled)");
        this.worker = new PollingWorker("perp-market-data", this::step, feed.pollInterval(), feed.maxBackoff());
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            LOG.infof("market-data feed on: Extended marks of %s every poll", markets);
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(30));
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Each configured market's latest read (empty before the first). */
    public List<MarketState> states() {
        return markets.stream().map(m -> states.get(m.instrument())).filter(s -> s != null).toList();
    }

    /** One poll of every market; never more to do right away. */
    boolean step() {
        if (!schema.isMigrated()) {
            return false;
        }
        for (FeedMarket m : markets) {
            poll(m);
        }
        return false;
    }

    private void poll(FeedMarket m) {
        Instant readAt = clock.instant();
        ExtendedMarketStats stats;
        try {
            stats = client.marketStats(m.market());
        } catch (ExtendedUnavailableException | ExtendedRejectedException e) {
            down(m, readAt, "Extended did not give " + m.market() + "'s stats: " + e.getMessage());
            return;
        }
        Optional<PriceObserved> price = MarkObservation.of(m.instrument(), stats, readAt);
        if (price.isEmpty()) {
            down(m, readAt, "Extended gave no mark price for " + m.market());
            return;
        }
        PriceObserved observed = price.get();
        boolean publishedNow = transactions.run(uow -> {
            if (!published.keepIfNew(uow, m.market(), observed, MarkObservation.eventId(observed))) {
                return false;
            }
            uow.publish(EventEnvelope.identified(MarkObservation.eventId(observed), observed.observedAt(), SERVICE,
                    observed.instrument(), observed));
            return true;
        });
        MarketState before = states.put(m.instrument(), new MarketState(m.market(), m.instrument(), true,
                "mark " + observed.price().toPlainString() + (publishedNow ? " published" : " unchanged"), readAt));
        if (before != null && !before.up()) {
            LOG.infof("market-data feed: %s answers again (mark %s)", m.market(), observed.price().toPlainString());
        }
    }

    private void down(FeedMarket m, Instant at, String reason) {
        MarketState before = states.put(m.instrument(), new MarketState(m.market(), m.instrument(), false, reason,
                at));
        if (before == null || before.up()) {
            LOG.warnf("market-data feed: %s; nothing published for %s until it answers", reason, m.instrument());
        }
    }
}

package io.tideline.perp.funding;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventIds;
import io.tideline.events.perp.FundingPaid;
import io.tideline.extended.ExtendedClient;
import io.tideline.extended.ExtendedFundingPayment;
import io.tideline.extended.ExtendedRejectedException;
import io.tideline.extended.ExtendedUnavailableException;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.messaging.worker.PollingWorker;
import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.hedge.Hedge;
import io.tideline.perp.hedge.HedgeStore;
import io.tideline.perp.venue.extended.ExtendedConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The funding payments of open hedges, read from Extended and published (thread {@code perp-funding}): for each
 * market live hedges are short on, the account's payments since the market's checkpoint
 * ({@code GET /user/funding/history}) are claimed one by one ({@link FundingStore#claim}: a payment already read is
 * skipped, so a re-read publishes nothing), shared between the hedges short on that market then
 * ({@link FundingShares}) and published as one FundingPaid per share on {@code perp.hedges} (key = the LP position,
 * id from the venue's payment id and the hedge), all in one unit of work with the checkpoint. Instances are
 * serialized per market by a transaction lock. Runs only with {@code venue=extended}: the paper venue pays no funding.
 */
@ApplicationScoped
public class FundingReader {

    private static final Logger LOG = Logger.getLogger(FundingReader.class);
    static final String VENUE = "extended";
    private static final String SERVICE = "perp-hedger";

    private final Transactions transactions;
    private final HedgeStore hedges;
    private final FundingStore store;
    private final SchemaMigration schema;
    private final boolean enabled;
    private ExtendedClient client;
    private PollingWorker worker;
    private volatile String lastFailure;

    public FundingReader(Transactions transactions, HedgeStore hedges, FundingStore store, SchemaMigration schema,
            HedgerConfig config) {
        this.transactions = transactions;
        this.hedges = hedges;
        this.store = store;
        this.schema = schema;
        this.enabled = config.funding().enabled();
        if (!enabled) {
            return;
        }
        if (!"extended".equals(config.venue())) {
            throw new IllegalArgumentException("tideline.perp.funding.enabled=true needs tideline.perp.venue=extended"
                    + " (the " + config.venue() + " venue pays no funding)");
        }
        this.client = ExtendedConnection.readOnly(config.extended(), "the funding reader"
                + " (tideline.perp.funding.enabled)");
        this.worker = new PollingWorker("perp-funding", this::step, config.funding().pollInterval(),
                config.funding().maxBackoff());
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(30));
        }
    }

    /** Reads every market once; true is never returned (the next pass waits for the poll interval). */
    boolean step() {
        if (!schema.isMigrated()) {
            return false;
        }
        Map<String, Instant> markets = hedges.liveShortMarkets(transactions.reads());
        for (Map.Entry<String, Instant> m : markets.entrySet()) {
            String market = m.getKey();
            Instant from = store.readFrom(transactions.reads(), VENUE, market).orElse(m.getValue());
            List<ExtendedFundingPayment> payments;
            try {
                payments = client.fundingPayments(market, from);
            } catch (ExtendedUnavailableException | ExtendedRejectedException e) {
                String failure = "funding of " + market + " not read: " + e.getMessage();
                if (!failure.equals(lastFailure)) {
                    LOG.warnf("%s; read again at the next pass from %s", failure, from);
                }
                lastFailure = failure;
                continue;
            }
            lastFailure = null;
            int published = transactions.run(uow -> record(uow, market, payments));
            if (published > 0) {
                LOG.infof("funding of %s: %d payment share(s) published", market, published);
            }
        }
        return false;
    }

    /** Claims, shares and publishes the market's new payments; the number of FundingPaid published. */
    int record(UnitOfWork uow, String market, List<ExtendedFundingPayment> payments) {
        uow.one("select pg_advisory_xact_lock(hashtext($1))", Tuple.of("perp-hedger:funding:" + market), r -> 0);
        List<Hedge> shorts = hedges.liveShortsOn(uow, market);
        int published = 0;
        Instant latest = null;
        for (ExtendedFundingPayment p : payments.stream()
                .filter(p -> market.equals(p.market()))
                .sorted(Comparator.comparing(ExtendedFundingPayment::paidAt).thenComparing(ExtendedFundingPayment::id))
                .toList()) {
            latest = latest == null || p.paidAt().isAfter(latest) ? p.paidAt() : latest;
            BigDecimal amount = FundingShares.deskAmount(p.side(), p.fundingRate(), p.fundingFee());
            if (!store.claim(uow, VENUE, p, amount)) {
                continue;
            }
            List<FundingShares.Holder> holders = shorts.stream()
                    .filter(h -> !h.createdAt().isAfter(p.paidAt()))
                    .map(h -> new FundingShares.Holder(h.hedgeId(), h.positionKey(), h.openQty()))
                    .toList();
            List<FundingShares.Share> shares = FundingShares.split(p.size(), amount, holders);
            if (shares.isEmpty()) {
                LOG.infof("funding payment %s of %s (%s) paid when no hedge was short there: recorded, not"
                        + " published", p.id(), market, amount.toPlainString());
            }
            for (FundingShares.Share share : shares) {
                UUID eventId = EventIds.of("funding-paid", VENUE, p.id(), share.holder().hedgeId());
                store.share(uow, VENUE, p.id(), share, eventId);
                Hedge hedge = shorts.stream().filter(h -> h.hedgeId().equals(share.holder().hedgeId())).findFirst()
                        .orElseThrow();
                FundingPaid paid = new FundingPaid(hedge.positionKey(), hedge.hedgeId().toString(), VENUE, market,
                        p.id(), p.positionId(), p.side() == io.tideline.events.TradeSide.SELL ? "SHORT" : "LONG",
                        share.quantity(), p.fundingRate(), p.markPrice(), share.amount(), amount, p.paidAt());
                uow.publish(EventEnvelope.identified(eventId, p.paidAt(), SERVICE, hedge.positionKey(), paid)
                        .withCorrelationId(hedge.correlationId()));
                published++;
            }
        }
        if (latest != null) {
            store.advance(uow, VENUE, market, latest);
        }
        return published;
    }
}

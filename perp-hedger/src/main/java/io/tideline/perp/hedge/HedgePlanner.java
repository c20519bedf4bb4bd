package io.tideline.perp.hedge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventJson;
import io.tideline.events.EventPayload;
import io.tideline.events.EventType;
import io.tideline.events.TradeSide;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.TokenRef;
import io.tideline.events.perp.HedgeFailed;
import io.tideline.events.perp.HedgeRequested;
import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.hedge.PoolMarkets.PoolMarket;
import io.tideline.perp.venue.VenuePosition;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Decides what the hedges do about LP facts, inside the caller's transaction: a mint opens a hedge (a SELL order
 * sized from the position's holding of the volatile token), a close, a transfer away or a retracted mint mark the LP
 * gone (the short is then bought back by {@link #planClose}), and a valuation whose exposure left the band re-hedges.
 * Orders are only written here (REQUESTED, with their HedgeRequested event); the worker sends them.
 */
public final class HedgePlanner {

    private static final Logger LOG = Logger.getLogger(HedgePlanner.class);
    private static final ObjectMapper JSON = EventJson.mapper();

    private final HedgeStore store;
    private final PoolMarkets markets;
    private final BigDecimal ratio;
    private final HedgerConfig.Rebalance rebalance;
    private final String venue;
    private final Clock clock;
    /** Hedges whose cap was reported today (once a day each, not on every valuation). */
    private final Set<String> cappedToday = ConcurrentHashMap.newKeySet();

    public HedgePlanner(HedgeStore store, PoolMarkets markets, BigDecimal ratio, HedgerConfig.Rebalance rebalance,
            String venue, Clock clock) {
        this.store = store;
        this.markets = markets;
        this.ratio = ratio;
        this.rebalance = rebalance;
        this.venue = venue;
        this.clock = clock;
    }

    /** Applies one LP fact; returns the events to publish with it. */
    public List<EventEnvelope<?>> plan(SqlConnection c, LpFact fact) {
        EventPayload payload = decode(fact);
        List<EventEnvelope<?>> events = new ArrayList<>();
        if (payload instanceof LpMinted minted) {
            onMinted(c, fact, minted, events);
        } else if (payload instanceof LpClosed) {
            onLpGone(c, fact.positionKey(), "CLOSED", events);
        } else if (payload instanceof LpTransferred transferred && transferred.leftWatchedWallets()) {
            onLpGone(c, fact.positionKey(), "TRANSFERRED", events);
        } else if (payload instanceof LpFactRetracted retracted) {
            onRetracted(c, fact.positionKey(), retracted, events);
        } else if (payload instanceof LpValued valued && rebalance.enabled()) {
            onValued(c, fact.positionKey(), valued, events);
        }
        return events;
    }

    private void onMinted(SqlConnection c, LpFact fact, LpMinted m, List<EventEnvelope<?>> events) {
        String key = fact.positionKey();
        UUID hedgeId = ExternalIds.hedgeId(key, fact.eventId());
        if (store.hedge(c, hedgeId).isPresent() || store.liveHedge(c, key).isPresent()) {
            LOG.infof("position %s already has a hedge; LpMinted %s ignored", key, fact.eventId());
            return;
        }
        String poolKey = m.position().chainId() + ":" + m.pool();
        Optional<PoolMarket> configured = markets.forPool(poolKey);
        if (configured.isEmpty()) {
            store.insertHedge(c, unhedged(hedgeId, key, m, m.token0(), "-",
                    "no perp market is configured for pool " + poolKey + " (tideline.perp.pools)"));
            LOG.warnf("position %s is not hedged: no perp market configured for pool %s", key, poolKey);
            return;
        }
        PoolMarket pm = configured.get();
        TokenRef token = pm.volatileIsToken0() ? m.token0() : m.token1();
        BigInteger raw = pm.volatileIsToken0() ? m.amount0() : m.amount1();
        BigDecimal exposure = HedgeSizing.tokens(raw, token.decimals());
        BigDecimal quantity = HedgeSizing.quantity(exposure, ratio, pm.step());
        if (quantity.signum() == 0) {
            store.insertHedge(c, unhedged(hedgeId, key, m, token, pm.market(), "exposure of "
                    + exposure.toPlainString() + " " + token.symbol() + " x ratio " + ratio.toPlainString()
                    + " rounds to 0 at the market's step " + pm.step().toPlainString()));
            return;
        }
        BigDecimal price = HedgeSizing.marketPrice(m.price(), pm.volatileIsToken0());
        Hedge hedge = new Hedge(hedgeId, key, m.owner(), poolKey, pm.market(), token.address(), token.decimals(),
                "OPENING", "OPEN", quantity, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 1,
                null, null, null);
        store.insertHedge(c, hedge);
        events.add(order(c, hedge, 0, "OPEN", TradeSide.SELL, quantity, false, price));
    }

    private Hedge unhedged(UUID hedgeId, String key, LpMinted m, TokenRef token, String market, String detail) {
        return new Hedge(hedgeId, key, m.owner(), m.position().chainId() + ":" + m.pool(), market, token.address(),
                token.decimals(), "UNHEDGED", "OPEN", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, 1, detail, null, null);
    }

    /** The LP is no longer the desk's: orders not sent yet are cancelled; what is held is bought back later. */
    private void onLpGone(SqlConnection c, String key, String lpState, List<EventEnvelope<?>> events) {
        Optional<Hedge> live = store.liveHedge(c, key);
        if (live.isEmpty()) {
            return;
        }
        Hedge h = live.get();
        String status = cancelUnsent(c, h, "the LP position is " + lpState.toLowerCase(Locale.ROOT)
                + " before the order was sent", events);
        store.updateHedge(c, h.with(status, lpState, h.targetQty(), h.nextStep(), h.detail()));
    }

    private void onRetracted(SqlConnection c, String key, LpFactRetracted r, List<EventEnvelope<?>> events) {
        if ("LpMinted".equals(r.retractedType())) {
            Optional<Hedge> hedge = store.hedge(c, ExternalIds.hedgeId(key, r.retractedEventId()))
                    .filter(Hedge::live);
            hedge.ifPresent(h -> {
                String status = cancelUnsent(c, h, "the LP mint was undone by a chain reorganisation", events);
                store.updateHedge(c, h.with(status, "RETRACTED", h.targetQty(), h.nextStep(),
                        "mint retracted at fork block " + r.forkBlock()));
            });
        } else if ("LpClosed".equals(r.retractedType()) || "LpTransferred".equals(r.retractedType())) {
            store.liveHedge(c, key).filter(h -> !"OPEN".equals(h.lpState())).ifPresent(h ->
                    store.updateHedge(c, h.with(h.status(), "OPEN", h.targetQty(), h.nextStep(),
                            r.retractedType() + " retracted at fork block " + r.forkBlock())));
        }
    }

    private void onValued(SqlConnection c, String key, LpValued v, List<EventEnvelope<?>> events) {
        Optional<Hedge> live = store.liveHedge(c, key);
        if (live.isEmpty() || !"OPEN".equals(live.get().status()) || !"OPEN".equals(live.get().lpState())) {
            return;
        }
        Hedge h = live.get();
        Optional<PoolMarket> configured = markets.forPool(h.pool());
        if (configured.isEmpty() || store.hasOutstandingOrders(c, h.hedgeId())) {
            return;
        }
        PoolMarket pm = configured.get();
        BigInteger raw = pm.volatileIsToken0() ? v.amount0() : v.amount1();
        BigDecimal wanted = HedgeSizing.quantity(HedgeSizing.tokens(raw, h.volatileDecimals()), ratio, pm.step());
        BigDecimal diff = wanted.subtract(h.openQty());
        if (diff.abs().compareTo(pm.step()) < 0
                || (h.openQty().signum() > 0 && diff.abs().compareTo(rebalance.band().multiply(h.openQty())) <= 0)) {
            return;
        }
        Instant dayStart = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (store.rebalancesSince(c, h.hedgeId(), dayStart) >= rebalance.dailyOrderCap()) {
            if (cappedToday.add(h.hedgeId() + "@" + dayStart)) {
                LOG.warnf("hedge %s of %s is %s off its exposure but reached its daily cap of %d re-hedging orders;"
                        + " no more re-hedging today", h.hedgeId(), key, diff.toPlainString(),
                        rebalance.dailyOrderCap());
            }
            return;
        }
        TradeSide side = diff.signum() > 0 ? TradeSide.SELL : TradeSide.BUY;
        BigDecimal price = HedgeSizing.marketPrice(v.price(), pm.volatileIsToken0());
        Hedge next = h.with(h.status(), h.lpState(), wanted, h.nextStep() + 1, h.detail());
        store.updateHedge(c, next);
        events.add(order(c, h, h.nextStep(), "REBALANCE", side, diff.abs(), side == TradeSide.BUY, price));
    }

    /**
     * Buys back the short of a hedge whose LP is gone ({@link HedgeStore#hedgesToClose}), cross-checked with the
     * venue's position in the market: never more than the venue shows short.
     */
    public List<EventEnvelope<?>> planClose(SqlConnection c, Hedge h, Optional<VenuePosition> venuePosition,
            BigDecimal referencePrice) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        if (h.openQty().signum() <= 0) {
            store.updateHedge(c, h.with("CLOSED", h.lpState(), BigDecimal.ZERO, h.nextStep(),
                    "LP " + h.lpState().toLowerCase(Locale.ROOT) + "; nothing was held"));
            return events;
        }
        BigDecimal venueShort = venuePosition.filter(p -> p.side() == TradeSide.SELL).map(VenuePosition::size)
                .orElse(BigDecimal.ZERO);
        if (venueShort.signum() == 0) {
            String reason = "the venue shows no short in " + h.market() + " but our fills hold "
                    + h.openQty().toPlainString() + "; nothing bought back, check the account";
            store.updateHedge(c, h.with("FAILED", h.lpState(), BigDecimal.ZERO, h.nextStep(), reason));
            events.add(HedgeEvents.of(ExternalIds.of(h.hedgeId(), h.nextStep(), 0), "HedgeFailed", h.positionKey(),
                    new HedgeFailed(h.positionKey(), h.hedgeId().toString(), h.nextStep(), h.market(),
                            ExternalIds.of(h.hedgeId(), h.nextStep(), 0), reason, false, 0)));
            return events;
        }
        BigDecimal quantity = h.openQty().min(venueShort).stripTrailingZeros();
        String detail = quantity.compareTo(h.openQty()) < 0
                ? "venue short " + venueShort.toPlainString() + " is less than our " + h.openQty().toPlainString()
                        + "; buying back " + quantity.toPlainString()
                : h.detail();
        store.updateHedge(c, h.with("CLOSING", h.lpState(), BigDecimal.ZERO, h.nextStep() + 1, detail));
        events.add(order(c, h, h.nextStep(), "CLOSE", TradeSide.BUY, quantity, true, referencePrice));
        return events;
    }

    /** Cancels the hedge's orders not sent yet; returns the hedge's status after it (CLOSED if nothing was held). */
    private String cancelUnsent(SqlConnection c, Hedge h, String reason, List<EventEnvelope<?>> events) {
        boolean openCancelled = false;
        for (HedgeOrder o : store.orders(c, h.hedgeId())) {
            if ("REQUESTED".equals(o.state())) {
                store.markCancelled(c, o.orderKey(), reason);
                events.add(HedgeEvents.of(o.externalId(), "HedgeFailed", h.positionKey(), new HedgeFailed(h.positionKey(),
                        h.hedgeId().toString(), o.step(), o.market(), o.externalId(), "cancelled: " + reason,
                        false, o.attempts())));
                openCancelled |= "OPEN".equals(o.purpose());
            }
        }
        return openCancelled && h.openQty().signum() == 0 ? "CLOSED" : h.status();
    }

    private EventEnvelope<?> order(SqlConnection c, Hedge h, int step, String purpose, TradeSide side,
            BigDecimal quantity, boolean reduceOnly, BigDecimal referencePrice) {
        String externalId = ExternalIds.of(h.hedgeId(), step, 0);
        store.insertOrder(c, new HedgeOrder(UUID.randomUUID(), h.hedgeId(), h.positionKey(), step, 0, purpose,
                externalId, venue, h.market(), side, quantity, reduceOnly, referencePrice, "REQUESTED", null, null,
                null, BigDecimal.ZERO, null, BigDecimal.ZERO, 0, null, null, null, null, null));
        return HedgeEvents.of(externalId, "HedgeRequested", h.positionKey(), new HedgeRequested(h.positionKey(),
                h.hedgeId().toString(), step, h.market(), side, quantity, referencePrice, externalId));
    }

    private static EventPayload decode(LpFact fact) {
        EventType type = EventType.byName(fact.eventType()).orElseThrow(() ->
                new IllegalStateException("unknown LP fact type " + fact.eventType()));
        try {
            return JSON.readValue(fact.payloadJson(), type.payloadClass());
        } catch (IOException e) {
            throw new UncheckedIOException("LP fact " + fact.id() + " (" + fact.eventType() + ") is unreadable", e);
        }
    }
}

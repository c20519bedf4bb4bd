package io.tideline.perp.hedge;

import io.tideline.events.EventEnvelope;
import io.tideline.events.TradeSide;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.TokenRef;
import io.tideline.perp.market.PoolMarket;
import io.tideline.perp.venue.VenuePosition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides what a hedge does about an LP fact, from the fact, the hedge it is about, that hedge's outstanding orders, the
 * rules and the day, without touching anything: a mint of one of the desk's wallets opens a hedge (a SELL sized from
 * the position's holding of the volatile token, within the notional caps) or records why not; a close, a transfer away or a retracted mint mark the LP gone (orders not sent
 * yet are cancelled; the short is bought back by {@link #buyBack}); a valuation whose exposure left the band
 * re-hedges, up to the daily cap.
 */
public final class HedgePlanner {

    private final HedgeRules rules;

    public HedgePlanner(HedgeRules rules) {
        this.rules = rules;
    }

    /**
     * The hedge a fact is about when it names one: a mint's own (derived from the position and the mint's event id),
     * a retracted mint's; empty when the fact is about the position's live (else latest) hedge.
     */
    public static Optional<UUID> hedgeIdOf(EventEnvelope<?> fact) {
        if (fact.payload() instanceof LpMinted) {
            return Optional.of(ExternalIds.hedgeId(fact.key(), fact.eventId()));
        }
        if (fact.payload() instanceof LpFactRetracted r && "LpMinted".equals(r.retractedType())) {
            return Optional.of(ExternalIds.hedgeId(fact.key(), r.retractedEventId()));
        }
        return Optional.empty();
    }

    /** As {@link #plan(EventEnvelope, Optional, List, int, LocalDate, BigDecimal)} with no other live hedge. */
    public HedgeDecision plan(EventEnvelope<?> fact, Optional<Hedge> hedge, List<HedgeOrder> outstanding,
            int rebalancesToday, LocalDate day) {
        return plan(fact, hedge, outstanding, rebalancesToday, day, BigDecimal.ZERO);
    }

    /**
     * @param hedge           the hedge the fact is about: for a mint its own hedge, else the position's live one;
     *                        failing both, the position's latest hedge (a retracted mint: only its own)
     * @param outstanding     the hedge's orders not finished yet
     * @param rebalancesToday re-hedging orders the hedge placed on {@code day}
     * @param day             the UTC day (of the daily cap)
     * @param othersNotional  what the desk's other live hedges are short, in collateral (of the total cap)
     */
    public HedgeDecision plan(EventEnvelope<?> fact, Optional<Hedge> hedge, List<HedgeOrder> outstanding,
            int rebalancesToday, LocalDate day, BigDecimal othersNotional) {
        String correlation = EventEnvelope.correlationOf(fact);
        Object payload = fact.payload();
        if (payload instanceof LpMinted minted) {
            return onMinted(fact, minted, hedge, othersNotional, correlation);
        }
        if (hedge.isEmpty()) {
            return new HedgeDecision.NoChange("no hedge for " + fact.key());
        }
        Hedge h = hedge.get();
        if (payload instanceof LpClosed) {
            return lpGone(h, LpState.CLOSED, h.detail(), outstanding, correlation);
        }
        if (payload instanceof LpTransferred t) {
            return t.leftWatchedWallets() ? lpGone(h, LpState.TRANSFERRED, h.detail(), outstanding, correlation)
                    : new HedgeDecision.NoChange("transferred between the desk's wallets");
        }
        if (payload instanceof LpFactRetracted r) {
            return onRetracted(h, r, outstanding, correlation);
        }
        if (payload instanceof LpValued valued) {
            return onValued(h, valued, outstanding, rebalancesToday, day, othersNotional, correlation);
        }
        return new HedgeDecision.NoChange(fact.type() + " does not concern hedges");
    }

    private HedgeDecision onMinted(EventEnvelope<?> fact, LpMinted m, Optional<Hedge> existing,
            BigDecimal othersNotional, String correlation) {
        UUID hedgeId = ExternalIds.hedgeId(fact.key(), fact.eventId());
        if (existing.isPresent() && (existing.get().hedgeId().equals(hedgeId) || existing.get().live())) {
            return new HedgeDecision.NoChange("position " + fact.key() + " already has a hedge");
        }
        String poolKey = m.position().chainId() + ":" + m.pool();
        if (!rules.hedgesOwner(m.owner())) {
            return new HedgeDecision.Unhedged(unhedged(hedgeId, fact.key(), m, m.token0(), "-", "owner " + m.owner()
                    + " is not one of the desk's wallets (tideline.perp.owners)", correlation),
                    UnhedgedReason.NOT_DESK_WALLET);
        }
        Optional<PoolMarket> configured = rules.markets().forPool(poolKey);
        if (configured.isEmpty()) {
            return new HedgeDecision.Unhedged(unhedged(hedgeId, fact.key(), m, m.token0(), "-",
                    "no perp market is configured for pool " + poolKey + " (tideline.perp.pools)", correlation),
                    UnhedgedReason.NO_MARKET);
        }
        PoolMarket pm = configured.get();
        TokenRef token = pm.volatileIsToken0() ? m.token0() : m.token1();
        BigInteger raw = pm.volatileIsToken0() ? m.amount0() : m.amount1();
        BigDecimal exposure = HedgeSizing.tokens(raw, token.decimals());
        BigDecimal quantity = HedgeSizing.quantity(exposure, rules.hedgeRatio(), pm.step());
        if (quantity.signum() == 0) {
            return new HedgeDecision.Unhedged(unhedged(hedgeId, fact.key(), m, token, pm.market(), "exposure of "
                    + exposure.toPlainString() + " " + token.symbol() + " x ratio "
                    + rules.hedgeRatio().toPlainString() + " rounds to 0 at the market's step "
                    + pm.step().toPlainString(), correlation), UnhedgedReason.TOO_SMALL);
        }
        BigDecimal price = pm.marketPrice(m.price());
        Optional<String> over = overCap(quantity.multiply(price), othersNotional);
        if (over.isPresent()) {
            return new HedgeDecision.Unhedged(unhedged(hedgeId, fact.key(), m, token, pm.market(), "a short of "
                    + quantity.toPlainString() + " " + pm.market() + " " + over.get(), correlation),
                    UnhedgedReason.OVER_CAP);
        }
        Hedge hedge = new Hedge(hedgeId, fact.key(), m.owner(), poolKey, pm.market(), token.address(),
                token.decimals(), HedgeStatus.OPENING, LpState.OPEN, quantity, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, 1, null, correlation, null, null);
        return new HedgeDecision.Open(hedge, NewOrder.of(hedgeId, 0, OrderPurpose.OPEN, TradeSide.SELL, quantity,
                false, price, correlation));
    }

    /** Which cap a short of this notional would pass, given the others' ({@code tideline.perp.caps}); empty: none. */
    private Optional<String> overCap(BigDecimal notional, BigDecimal othersNotional) {
        if (notional.compareTo(rules.perHedgeCap()) > 0) {
            return Optional.of("(notional " + notional.stripTrailingZeros().toPlainString()
                    + ") would pass the per-hedge cap of " + rules.perHedgeCap().toPlainString()
                    + " (tideline.perp.caps.per-hedge)");
        }
        BigDecimal total = othersNotional.add(notional);
        if (total.compareTo(rules.totalCap()) > 0) {
            return Optional.of("(notional " + notional.stripTrailingZeros().toPlainString()
                    + ") would bring the desk's live hedges to " + total.stripTrailingZeros().toPlainString()
                    + ", over the total cap of " + rules.totalCap().toPlainString() + " (tideline.perp.caps.total)");
        }
        return Optional.empty();
    }

    private static Hedge unhedged(UUID hedgeId, String key, LpMinted m, TokenRef token, String market, String detail,
            String correlation) {
        return new Hedge(hedgeId, key, m.owner(), m.position().chainId() + ":" + m.pool(), market, token.address(),
                token.decimals(), HedgeStatus.UNHEDGED, LpState.OPEN, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 1, detail, correlation, null, null);
    }

    /**
     * The LP is no longer the desk's. A live hedge cancels its orders not sent yet (and is closed if that was its
     * opening order and nothing is held); a hedge that is not live (unhedged, failed) records the LP's state only.
     */
    private static HedgeDecision lpGone(Hedge h, LpState state, String detail, List<HedgeOrder> outstanding,
            String correlation) {
        String reason = state == LpState.RETRACTED ? "the LP mint was undone by a chain reorganisation"
                : "the LP position is " + state.name().toLowerCase(Locale.ROOT) + " before the order was sent";
        if (!h.live()) {
            return h.lpState() == LpState.OPEN
                    ? new HedgeDecision.LpGone(h.afterLpFact(h.status(), state, h.detail(), correlation), List.of(),
                            reason)
                    : new HedgeDecision.NoChange("hedge " + h.hedgeId() + " is " + h.status() + " and its LP "
                            + h.lpState());
        }
        List<HedgeOrder> unsent = outstanding.stream().filter(o -> o.state() == OrderState.REQUESTED).toList();
        boolean openCancelled = unsent.stream().anyMatch(o -> o.purpose() == OrderPurpose.OPEN);
        HedgeStatus status = openCancelled && h.openQty().signum() == 0 ? HedgeStatus.CLOSED : h.status();
        return new HedgeDecision.LpGone(h.afterLpFact(status, state, detail, correlation), unsent, reason);
    }

    private static HedgeDecision onRetracted(Hedge h, LpFactRetracted r, List<HedgeOrder> outstanding,
            String correlation) {
        if ("LpMinted".equals(r.retractedType())) {
            String detail = h.live() ? "mint retracted at fork block " + r.forkBlock() : h.detail();
            return lpGone(h, LpState.RETRACTED, detail, outstanding, correlation);
        }
        boolean goneFact = "LpClosed".equals(r.retractedType()) || "LpTransferred".equals(r.retractedType());
        if (!goneFact || h.lpState() == LpState.OPEN) {
            return new HedgeDecision.NoChange("retracted " + r.retractedType() + " changes nothing for hedge "
                    + h.hedgeId());
        }
        if (h.status() == HedgeStatus.CLOSED) {
            return new HedgeDecision.NoChange("hedge " + h.hedgeId() + " was closed before " + r.retractedType()
                    + " was retracted");
        }
        String detail = h.live() ? r.retractedType() + " retracted at fork block " + r.forkBlock() : h.detail();
        return new HedgeDecision.LpBack(h.afterLpFact(h.status(), LpState.OPEN, detail, correlation));
    }

    private HedgeDecision onValued(Hedge h, LpValued v, List<HedgeOrder> outstanding, int rebalancesToday,
            LocalDate day, BigDecimal othersNotional, String correlation) {
        if (!rules.rebalance()) {
            return new HedgeDecision.NoChange("re-hedging is off");
        }
        if (h.status() != HedgeStatus.OPEN || h.lpState() != LpState.OPEN) {
            return new HedgeDecision.NoChange("hedge " + h.hedgeId() + " is " + h.status() + " with its LP "
                    + h.lpState());
        }
        Optional<PoolMarket> configured = rules.markets().forPool(h.pool());
        if (configured.isEmpty()) {
            return new HedgeDecision.NoChange("pool " + h.pool() + " is no longer hedged");
        }
        if (!outstanding.isEmpty()) {
            return new HedgeDecision.NoChange("hedge " + h.hedgeId() + " has an order in flight");
        }
        PoolMarket pm = configured.get();
        BigInteger raw = pm.volatileIsToken0() ? v.amount0() : v.amount1();
        BigDecimal wanted = HedgeSizing.quantity(HedgeSizing.tokens(raw, h.volatileDecimals()), rules.hedgeRatio(),
                pm.step());
        BigDecimal diff = wanted.subtract(h.openQty());
        if (diff.abs().compareTo(pm.step()) < 0 || (h.openQty().signum() > 0
                && diff.abs().compareTo(rules.band().multiply(h.openQty())) <= 0)) {
            return new HedgeDecision.NoChange("within the band");
        }
        if (rebalancesToday >= rules.dailyOrderCap()) {
            return new HedgeDecision.CapReached(h, day, diff, rules.dailyOrderCap());
        }
        TradeSide side = diff.signum() > 0 ? TradeSide.SELL : TradeSide.BUY;
        BigDecimal price = pm.marketPrice(v.price());
        Optional<String> over = side == TradeSide.SELL ? overCap(wanted.multiply(price), othersNotional)
                : Optional.empty();
        if (over.isPresent()) {
            return new HedgeDecision.NoChange("re-hedging hedge " + h.hedgeId() + " to " + wanted.toPlainString()
                    + " " + over.get());
        }
        Hedge next = h.with(h.status(), h.lpState(), wanted, h.nextStep() + 1, h.detail());
        return new HedgeDecision.Rehedge(next, NewOrder.of(h.hedgeId(), h.nextStep(), OrderPurpose.REBALANCE, side,
                diff.abs(), side == TradeSide.BUY, price, correlation));
    }

    /**
     * Buys back the short of a hedge whose LP is gone, cross-checked with the venue's position in the market: never
     * more than the venue shows short. The order carries the correlation of the fact that made the LP gone.
     */
    public HedgeDecision buyBack(Hedge h, Optional<VenuePosition> venuePosition, BigDecimal referencePrice) {
        String lp = h.lpState().name().toLowerCase(Locale.ROOT);
        if (h.openQty().signum() <= 0) {
            return new HedgeDecision.Closed(h.with(HedgeStatus.CLOSED, h.lpState(), BigDecimal.ZERO, h.nextStep(),
                    "LP " + lp + "; nothing was held"));
        }
        BigDecimal venueShort = venuePosition.filter(p -> p.side() == TradeSide.SELL).map(VenuePosition::size)
                .orElse(BigDecimal.ZERO);
        if (venueShort.signum() == 0) {
            String reason = "the venue shows no short in " + h.market() + " but our fills hold "
                    + h.openQty().toPlainString() + "; nothing bought back, check the account";
            return new HedgeDecision.NothingToBuyBack(h.with(HedgeStatus.FAILED, h.lpState(), BigDecimal.ZERO,
                    h.nextStep(), reason), h.nextStep(), ExternalIds.of(h.hedgeId(), h.nextStep(), 0), reason);
        }
        BigDecimal quantity = h.openQty().min(venueShort).stripTrailingZeros();
        String detail = quantity.compareTo(h.openQty()) < 0
                ? "venue short " + venueShort.toPlainString() + " is less than our " + h.openQty().toPlainString()
                        + "; buying back " + quantity.toPlainString()
                : h.detail();
        return new HedgeDecision.BuyBack(h.with(HedgeStatus.CLOSING, h.lpState(), BigDecimal.ZERO, h.nextStep() + 1,
                detail), NewOrder.of(h.hedgeId(), h.nextStep(), OrderPurpose.CLOSE, TradeSide.BUY, quantity, true,
                referencePrice, h.correlationId()));
    }
}

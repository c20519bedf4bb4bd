package io.tideline.alerting.evaluate;

import io.tideline.alerting.alert.Signal;
import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.RuleKind;
import io.tideline.alerting.watch.PositionFacts;
import io.tideline.alerting.watch.PositionMoney;
import io.tideline.alerting.watch.WatchedPosition;
import io.tideline.events.EventEnvelope;
import io.tideline.events.TradeSide;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpFeesCollected;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpRangeEntered;
import io.tideline.events.lp.LpRangeExited;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.LpValued;
import io.tideline.events.perp.HedgeClosed;
import io.tideline.events.perp.HedgeFailed;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.events.perp.HedgeRequested;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LP positions and their hedges (lp.positions, perp.hedges): keeps each position's facts and finds the signals of
 * the position kinds — out of range (its start here, the clock fires it), impermanent loss, uncollected fees, closed or
 * transferred, hedge failed, unhedged (cleared here), hedge drift.
 */
@ApplicationScoped
public class PositionEvaluation {

    private static final List<RuleKind> WHILE_OPEN = List.of(RuleKind.OUT_OF_RANGE, RuleKind.IMPERMANENT_LOSS,
            RuleKind.UNCOLLECTED_FEES, RuleKind.HEDGE_FAILED, RuleKind.UNHEDGED, RuleKind.HEDGE_DRIFT);

    private final PositionFacts facts;
    private final MatchingRules rules;

    public PositionEvaluation(PositionFacts facts, MatchingRules rules) {
        this.facts = facts;
        this.rules = rules;
    }

    public List<Signal> evaluate(EventEnvelope<?> e, UnitOfWork uow) {
        List<Signal> signals = new ArrayList<>();
        Object payload = e.payload();
        Instant at = e.occurredAt();
        if (payload instanceof LpMinted m) {
            WatchedPosition p = facts.lock(uow, m.position().key());
            BigDecimal held0 = PositionMoney.tokens(m.amount0(), m.token0().decimals());
            BigDecimal held1 = PositionMoney.tokens(m.amount1(), m.token1().decimals());
            WatchedPosition minted = p.minted(m.owner(), m.position().chainId() + ":" + m.pool(), m.token0().symbol(),
                    m.token1().symbol(), m.token0().decimals(), m.token1().decimals(),
                    PositionMoney.valueInToken1(held0, held1, m.price()), m.at().blockTime(), held0, held1);
            facts.save(uow, minted);
            // the two topics are consumed apart: a hedge fill read before its mint is measured now
            drift(signals, minted, e, at);
        } else if (payload instanceof LpRangeExited x) {
            WatchedPosition p = facts.lock(uow, x.position().key());
            if (p.outOfRangeSince() == null) {
                facts.save(uow, p.outOfRange(x.at().blockTime()));
            }
        } else if (payload instanceof LpRangeEntered x) {
            WatchedPosition p = facts.lock(uow, x.position().key());
            facts.save(uow, p.outOfRange(null));
            clear(signals, RuleKind.OUT_OF_RANGE, p, "back in range at tick " + x.tick(), e, at);
        } else if (payload instanceof LpValued v) {
            valued(signals, facts.lock(uow, v.position().key()), v, e, uow);
        } else if (payload instanceof LpFeesCollected c) {
            WatchedPosition p = facts.lock(uow, c.position().key());
            facts.save(uow, p.valued(p.amount0(), p.amount1(), p.lossToken1(), BigDecimal.ZERO));
            clear(signals, RuleKind.UNCOLLECTED_FEES, p, "fees collected", e, at);
        } else if (payload instanceof LpClosed c) {
            gone(signals, facts.lock(uow, c.position().key()), "Position closed", "closed (" + c.reason()
                    + "), realized P&L " + c.realizedPnlToken1().toPlainString() + " in token1", true, e, uow);
        } else if (payload instanceof LpTransferred t) {
            WatchedPosition p = facts.lock(uow, t.position().key());
            if (t.leftWatchedWallets()) {
                gone(signals, p, "Position transferred", "transferred from " + t.from() + " to " + t.to()
                        + ", outside the desk's wallets", true, e, uow);
            } else {
                facts.save(uow, p.ownedBy(t.to()));
            }
        } else if (payload instanceof LpFactRetracted r && "LpMinted".equals(r.retractedType())) {
            gone(signals, facts.lock(uow, r.position().key()), "Position mint undone", "its mint was undone by a"
                    + " reorg below block " + r.forkBlock(), false, e, uow);
        } else if (payload instanceof HedgeRequested h) {
            WatchedPosition p = facts.lock(uow, h.positionKey());
            facts.save(uow, p.hedge(h.market(), p.hedgedQty(), p.hedged()));
        } else if (payload instanceof HedgeFilled f) {
            WatchedPosition p = facts.lock(uow, f.positionKey());
            BigDecimal signed = f.side() == TradeSide.SELL ? f.filledQuantity() : f.filledQuantity().negate();
            WatchedPosition hedged = p.hedge(f.market(), p.hedgedQty().add(signed), true);
            facts.save(uow, hedged);
            clear(signals, RuleKind.HEDGE_FAILED, p, "hedge order " + f.externalId() + " filled", e, at);
            clear(signals, RuleKind.UNHEDGED, p, "hedge filled", e, at);
            drift(signals, hedged, e, at);
        } else if (payload instanceof HedgeFailed f) {
            WatchedPosition p = facts.lock(uow, f.positionKey());
            for (AlertRule rule : rules.of(RuleKind.HEDGE_FAILED, p.subject())) {
                signals.add(Signal.firing(rule, p.subject(), "Hedge failed: " + f.market() + " for " + p.positionKey(),
                        "hedge " + f.hedgeId() + " order " + f.externalId() + " (step " + f.step() + ") failed after "
                        + f.attempts() + " attempt(s): " + f.reason() + (f.retryable() ? " (retryable)"
                        : " (not retryable)"), e, at));
            }
        } else if (payload instanceof HedgeClosed c) {
            WatchedPosition p = facts.lock(uow, c.positionKey());
            facts.save(uow, p.hedge(c.market(), BigDecimal.ZERO, p.hedged()));
            clear(signals, RuleKind.HEDGE_DRIFT, p, "hedge closed", e, at);
        }
        return signals;
    }

    private void valued(List<Signal> signals, WatchedPosition p, LpValued v, EventEnvelope<?> e, UnitOfWork uow) {
        Instant at = e.occurredAt();
        int d0 = p.decimals0() == null ? 0 : p.decimals0();
        int d1 = p.decimals1() == null ? 0 : p.decimals1();
        BigDecimal held0 = PositionMoney.tokens(v.amount0(), d0);
        BigDecimal held1 = PositionMoney.tokens(v.amount1(), d1);
        BigDecimal loss = PositionMoney.loss(v.impermanentLossToken1());
        BigDecimal fees = PositionMoney.valueInToken1(PositionMoney.tokens(v.uncollectedFees0(), d0),
                PositionMoney.tokens(v.uncollectedFees1(), d1), v.price());
        WatchedPosition now = p.valued(held0, held1, loss, fees);
        facts.save(uow, now);
        if (p.decimals0() == null) {
            return; // its mint was never seen: no decimals, no cost, nothing to compare
        }
        Optional<BigDecimal> lossPercent = PositionMoney.percentOf(loss, p.costToken1());
        for (AlertRule rule : rules.of(RuleKind.IMPERMANENT_LOSS, p.subject())) {
            BigDecimal limit = rule.params().amount() != null ? rule.params().amount() : rule.params().percent();
            Optional<BigDecimal> measured = rule.params().amount() != null ? Optional.of(loss) : lossPercent;
            String unit = rule.params().amount() != null ? " token1" : " % of cost";
            if (measured.isPresent() && measured.get().compareTo(limit) > 0) {
                signals.add(Signal.firing(rule, p.subject(), "Impermanent loss " + measured.get().toPlainString()
                        + unit + " on " + p.positionKey(), "impermanent loss " + loss.toPlainString() + " token1 ("
                        + lossPercent.map(x -> x.toPlainString() + " % of cost ").orElse("")
                        + "cost " + p.costToken1().toPlainString() + " token1) at price " + v.price().toPlainString()
                        + ", over the limit of " + limit.toPlainString() + unit, e, at));
            } else if (wasOver(rule, p.lossToken1(), p.costToken1(), limit)) {
                signals.add(Signal.cleared(rule, p.subject(), "impermanent loss " + loss.toPlainString()
                        + " token1, within the limit", e, at));
            }
        }
        for (AlertRule rule : rules.of(RuleKind.UNCOLLECTED_FEES, p.subject())) {
            if (fees.compareTo(rule.params().amount()) > 0) {
                signals.add(Signal.firing(rule, p.subject(), "Uncollected fees " + fees.stripTrailingZeros()
                        .toPlainString() + " token1 on " + p.positionKey(), "uncollected fees " + v.uncollectedFees0()
                        + " token0 + " + v.uncollectedFees1() + " token1 (raw), worth " + fees.toPlainString()
                        + " token1 at price " + v.price().toPlainString() + ", over " + rule.params().amount()
                        .toPlainString(), e, at));
            } else if (p.feesToken1() != null && p.feesToken1().compareTo(rule.params().amount()) > 0) {
                signals.add(Signal.cleared(rule, p.subject(), "uncollected fees " + fees.toPlainString()
                        + " token1, within the limit", e, at));
            }
        }
        drift(signals, now, e, at);
    }

    /** Whether the loss of the previous valuation was over the rule's limit (only then can an alert be open). */
    private static boolean wasOver(AlertRule rule, BigDecimal previousLoss, BigDecimal cost, BigDecimal limit) {
        if (previousLoss == null) {
            return false;
        }
        Optional<BigDecimal> before = rule.params().amount() != null ? Optional.of(previousLoss)
                : PositionMoney.percentOf(previousLoss, cost);
        return before.isPresent() && before.get().compareTo(limit) > 0;
    }

    private void drift(List<Signal> signals, WatchedPosition p, EventEnvelope<?> e, Instant at) {
        if (!p.open() || !p.hedged()) {
            return;
        }
        List<AlertRule> driftRules = rules.of(RuleKind.HEDGE_DRIFT, p.subject());
        if (driftRules.isEmpty()) {
            return;
        }
        Optional<BigDecimal> holding = PositionMoney.hedgedTokenHolding(p, p.hedgeMarket());
        Optional<BigDecimal> drift = holding.flatMap(h -> PositionMoney.driftPercent(h, p.hedgedQty()));
        if (drift.isEmpty()) {
            return;
        }
        for (AlertRule rule : driftRules) {
            if (drift.get().compareTo(rule.params().percent()) > 0) {
                signals.add(Signal.firing(rule, p.subject(), "Hedge drift " + drift.get().toPlainString() + " % on "
                        + p.positionKey(), "the LP holds " + holding.get().toPlainString() + " of " + p.hedgeMarket()
                        + "'s base asset and the hedge is short " + p.hedgedQty().toPlainString() + ": a drift of "
                        + drift.get().toPlainString() + " %, beyond the band of " + rule.params().percent()
                        .toPlainString() + " %", e, at));
            } else {
                signals.add(Signal.cleared(rule, p.subject(), "hedge drift " + drift.get().toPlainString()
                        + " %, within the band", e, at));
            }
        }
    }

    private void gone(List<Signal> signals, WatchedPosition p, String title, String what, boolean announce,
            EventEnvelope<?> e, UnitOfWork uow) {
        facts.save(uow, p.gone());
        Instant at = e.occurredAt();
        if (announce) {
            for (AlertRule rule : rules.of(RuleKind.POSITION_CLOSED, p.subject())) {
                signals.add(Signal.firing(rule, p.subject(), title + ": " + p.positionKey(), "LP position "
                        + p.positionKey() + " of " + p.owner() + " in pool " + p.pool() + " was " + what, e, at));
            }
        }
        for (RuleKind kind : WHILE_OPEN) {
            clear(signals, kind, p, "the position is no longer the desk's: " + what, e, at);
        }
    }

    private void clear(List<Signal> signals, RuleKind kind, WatchedPosition p, String why, EventEnvelope<?> e,
            Instant at) {
        for (AlertRule rule : rules.of(kind, p.subject())) {
            signals.add(Signal.cleared(rule, p.subject(), why, e, at));
        }
    }
}

package io.tideline.analytics.readmodel;

import io.tideline.analytics.lots.Trade;
import io.tideline.analytics.portfolio.Book;
import io.tideline.events.EventEnvelope;
import io.tideline.events.TradeSide;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpFeesCollected;
import io.tideline.events.lp.LpLiquidityChanged;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.PositionRef;
import io.tideline.events.market.PriceObserved;
import io.tideline.events.mm.PositionUncovered;
import io.tideline.events.mm.TakeProfitFilled;
import io.tideline.events.mm.TakeProfitPlaced;
import io.tideline.events.perp.FundingPaid;
import io.tideline.events.perp.HedgeClosed;
import io.tideline.events.perp.HedgeFailed;
import io.tideline.events.perp.HedgeFilled;
import io.tideline.events.perp.HedgeRequested;
import io.tideline.events.perp.PerpFill;
import io.tideline.events.pnl.ExecutionMatched;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Applies one event to the read model inside the consumer's unit of work: loads what the event is about, lets
 * {@link StrategyProjection} decide, writes it back. Events it has nothing to learn from change nothing.
 */
@ApplicationScoped
public class PortfolioProjection {

    private static final Logger LOG = Logger.getLogger(PortfolioProjection.class);

    private final StrategyStore strategies;
    private final PriceMarks prices;
    private final MarketMakingFacts marketMaking;
    private final Trades trades;
    private final LpFacts facts;
    private final StrategyProjection projection;

    public PortfolioProjection(StrategyStore strategies, PriceMarks prices, MarketMakingFacts marketMaking,
            Trades trades, LpFacts facts, AnalyticsConfig config) {
        this.strategies = strategies;
        this.prices = prices;
        this.marketMaking = marketMaking;
        this.trades = trades;
        this.facts = facts;
        this.projection = new StrategyProjection(DollarTokens.of(config.dollarTokens()));
    }

    /** Applies one event, reading and writing the tables as it goes (the live consumer). */
    public void apply(EventEnvelope<?> event, UnitOfWork uow) {
        apply(event, uow, ProjectionBatch.direct(strategies, prices, trades, facts));
    }

    /**
     * Applies events in order with the strategies they touch loaded at once and everything written at the end in
     * batched statements (the replay): the same decisions as {@link #apply(EventEnvelope, UnitOfWork)}, fewer round
     * trips.
     */
    public void applyAll(List<EventEnvelope<?>> events, UnitOfWork uow) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> strategyOf(e.payload()).ifPresent(ids::add));
        ProjectionBatch batch = ProjectionBatch.deferred(strategies, prices, trades, facts, uow, ids);
        for (EventEnvelope<?> event : events) {
            apply(event, uow, batch);
        }
        batch.flush(uow);
    }

    /** The strategy an event is about, where its payload names it directly. */
    static Optional<String> strategyOf(Object p) {
        if (p instanceof LpValued v) {
            return Optional.of(v.position().key());
        } else if (p instanceof LpMinted m) {
            return Optional.of(m.position().key());
        } else if (p instanceof LpLiquidityChanged c) {
            return Optional.of(c.position().key());
        } else if (p instanceof LpFeesCollected f) {
            return Optional.of(f.position().key());
        } else if (p instanceof LpClosed c) {
            return Optional.of(c.position().key());
        } else if (p instanceof LpFactRetracted r) {
            return Optional.of(r.position().key());
        } else if (p instanceof HedgeFilled f) {
            return Optional.of(f.positionKey());
        } else if (p instanceof HedgeRequested r) {
            return Optional.of(r.positionKey());
        } else if (p instanceof FundingPaid f) {
            return Optional.of(f.positionKey());
        } else if (p instanceof PnlRealized r) {
            return Optional.of("pm:" + r.user());
        } else if (p instanceof TakeProfitFilled t) {
            return Optional.of("mm:" + t.sessionId() + ":" + t.pair());
        }
        return Optional.empty();
    }

    private void apply(EventEnvelope<?> event, UnitOfWork uow, ProjectionBatch b) {
        Object p = event.payload();
        if (p instanceof PriceObserved o) {
            b.price(uow, o.instrument(), o.price(), o.observedAt());
        } else if (p instanceof LpMinted m) {
            b.save(uow, projection.minted(b.load(uow, m.position().key()).orElse(null), event, m));
            b.fact(uow, m.position().key(), event);
        } else if (p instanceof LpLiquidityChanged c) {
            lpFact(uow, b, event, c.position(), s -> projection.liquidityChanged(s, c));
        } else if (p instanceof LpFeesCollected f) {
            lpFact(uow, b, event, f.position(), s -> projection.feesCollected(s, f));
        } else if (p instanceof LpValued v) {
            lp(uow, b, v.position(), s -> projection.valued(s, v));
        } else if (p instanceof LpClosed c) {
            lpFact(uow, b, event, c.position(), s -> projection.closed(s, c));
        } else if (p instanceof LpTransferred t) {
            lpFact(uow, b, event, t.position(), s -> projection.transferred(s, t));
        } else if (p instanceof LpFactRetracted r) {
            // a reorganisation withdrew a fact: the LP side is folded again from the facts that still stand
            b.retract(uow, r.retractedEventId(), event.eventId()).flatMap(id -> b.load(uow, id))
                    .ifPresent(s -> b.save(uow, projection.refolded(s, b.standing(uow, s.strategyId()),
                            event.occurredAt())));
        } else if (p instanceof HedgeRequested r) {
            hedge(uow, b, event, r.positionKey(), r.hedgeId(), r.market());
        } else if (p instanceof HedgeFailed f) {
            hedge(uow, b, event, f.positionKey(), f.hedgeId(), f.market());
        } else if (p instanceof HedgeFilled f) {
            StrategyRecord s = hedge(uow, b, event, f.positionKey(), f.hedgeId(), f.market());
            var fills = projection.fills(f, event.occurredAt());
            projection.hedgeFilled(s, f.side(), fills);
            b.save(uow, s);
            for (PerpFill fill : fills) {
                if (fill.quantity().signum() > 0) {
                    b.trade(uow, Book.LP, s.strategyId(), new Trade("perp:" + f.market() + ":" + fill.tradeId(),
                            f.market(), f.side(), fill.quantity(), fill.price(), fill.fee(), fill.createdAt()));
                }
            }
        } else if (p instanceof FundingPaid f) {
            StrategyRecord s = hedge(uow, b, event, f.positionKey(), f.hedgeId(), f.market());
            projection.fundingPaid(s, f.amount());
            b.save(uow, s);
        } else if (p instanceof HedgeClosed c) {
            StrategyRecord s = hedge(uow, b, event, c.positionKey(), c.hedgeId(), c.market());
            projection.hedgeClosed(s, c);
            b.save(uow, s);
        } else if (p instanceof PositionUncovered u) {
            String id = marketMakingStrategy(uow, b, u.sessionId(), u.pair(), event.occurredAt());
            marketMaking.uncovered(uow, id, u.fillId(), u.side(), u.entryPrice());
        } else if (p instanceof TakeProfitPlaced t) {
            String id = marketMakingStrategy(uow, b, t.sessionId(), t.pair(), event.occurredAt());
            marketMaking.placed(uow, id, t.clientOrderId(), t.fillId(), t.side());
        } else if (p instanceof TakeProfitFilled t) {
            String id = marketMakingStrategy(uow, b, t.sessionId(), t.pair(), t.filledAt());
            Optional<MarketMakingFacts.Closing> closing = marketMaking.closing(uow, id, t.clientOrderId());
            BigDecimal pnl = closing.map(c -> StrategyProjection.takeProfitPnl(c.side(), t.quantity(), t.price(),
                    c.entryPrice(), t.fee())).orElse(null);
            if (pnl == null) {
                LOG.warnf("take-profit %s of %s filled without its entry price; its P&L is not counted",
                        t.clientOrderId(), id);
            }
            StrategyRecord s = b.load(uow, id).orElseThrow();
            projection.takeProfit(s, pnl, t.filledAt());
            b.save(uow, s);
        } else if (p instanceof PnlRealized r) {
            StrategyRecord s = predictionMarketStrategy(uow, b, r.user(), r.realizedAt());
            projection.predictionMarket(s, r.realizedPnl(), r.realizedAt());
            b.save(uow, s);
        } else if (p instanceof ExecutionMatched e) {
            execution(uow, b, e.executionId(), e.user(), e.venue(), e.market(), e.outcome(), e.side(), e.shares(),
                    e.price(), e.fee(), e.executedAt());
        } else if (p instanceof ExecutionUnmatched e) {
            execution(uow, b, e.executionId(), e.user(), e.venue(), e.market(), e.outcome(), e.side(), e.shares(),
                    e.price(), e.fee(), e.executedAt());
        }
    }

    /** A chain fact about a minted position: applied, and kept in case a reorganisation retracts it. */
    private void lpFact(UnitOfWork uow, ProjectionBatch b, EventEnvelope<?> event, PositionRef position,
            Consumer<StrategyRecord> change) {
        if (lp(uow, b, position, change)) {
            b.fact(uow, position.key(), event);
        }
    }

    private boolean lp(UnitOfWork uow, ProjectionBatch b, PositionRef position, Consumer<StrategyRecord> change) {
        Optional<StrategyRecord> s = b.load(uow, position.key());
        if (s.isEmpty() || !s.get().hasMint()) {
            // lp-tracker's facts of one position share a partition and come after its mint: without a mint this
            // position is not the desk's to value (e.g. a position the tracker only saw transferred out, or one
            // whose mint a reorganisation retracted)
            LOG.debugf("no minted position %s: fact ignored", position.key());
            return false;
        }
        change.accept(s.get());
        b.save(uow, s.get());
        return true;
    }

    private StrategyRecord hedge(UnitOfWork uow, ProjectionBatch b, EventEnvelope<?> event, String positionKey,
            String hedgeId, String market) {
        StrategyRecord s = projection.hedgeOf(b.load(uow, positionKey).orElse(null), event, positionKey,
                hedgeId, market);
        b.save(uow, s);
        return s;
    }

    private String marketMakingStrategy(UnitOfWork uow, ProjectionBatch b, String sessionId, String pair, Instant at) {
        String id = "mm:" + sessionId + ":" + pair;
        if (b.load(uow, id).isEmpty()) {
            b.save(uow, new StrategyRecord(id, Book.MM, "market making " + pair + " (" + sessionId + ")",
                    at));
        }
        return id;
    }

    private StrategyRecord predictionMarketStrategy(UnitOfWork uow, ProjectionBatch b, String user, Instant at) {
        String id = "pm:" + user;
        return b.load(uow, id).orElseGet(() -> new StrategyRecord(id, Book.PM, "prediction markets " + user,
                at));
    }

    private void execution(UnitOfWork uow, ProjectionBatch b, String executionId, String user, String venue,
            String market, String outcome, TradeSide side, BigDecimal shares, BigDecimal price, BigDecimal fee,
            Instant at) {
        if (shares.signum() <= 0 || price.signum() < 0 || fee.signum() < 0) {
            return;
        }
        StrategyRecord s = predictionMarketStrategy(uow, b, user, at);
        b.save(uow, s);
        b.trade(uow, Book.PM, s.strategyId(), new Trade("pm:" + executionId, venue + ":" + market + ":"
                + outcome, side, shares, price, fee, at));
    }
}

package io.tideline.analytics.readmodel;

import io.tideline.analytics.lots.Trade;
import io.tideline.analytics.portfolio.Book;
import io.tideline.events.EventEnvelope;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the projection reads and writes strategies, prices, trades and kept LP facts within one unit of work:
 * straight through to the tables (one event at a time, as the live consumer applies them), or held in memory for a
 * whole batch and written at its end in a few batched statements (the replay). Both give the same rows: the
 * projection's decisions are the same, only the round trips differ.
 */
final class ProjectionBatch {

    private final StrategyStore strategies;
    private final PriceMarks prices;
    private final Trades trades;
    private final LpFacts facts;
    private final boolean deferred;
    private final Map<String, StrategyRecord> held = new HashMap<>();
    private final Map<String, StrategyRecord> dirty = new LinkedHashMap<>();
    private final Map<String, PriceMarks.Mark> marks = new LinkedHashMap<>();
    private final List<TradeRow> newTrades = new ArrayList<>();
    private final List<LpFacts.Kept> newFacts = new ArrayList<>();

    private ProjectionBatch(StrategyStore strategies, PriceMarks prices, Trades trades, LpFacts facts,
            boolean deferred) {
        this.strategies = strategies;
        this.prices = prices;
        this.trades = trades;
        this.facts = facts;
        this.deferred = deferred;
    }

    static ProjectionBatch direct(StrategyStore strategies, PriceMarks prices, Trades trades, LpFacts facts) {
        return new ProjectionBatch(strategies, prices, trades, facts, false);
    }

    /** A batch whose strategies {@code ids} are loaded (and locked) at once. */
    static ProjectionBatch deferred(StrategyStore strategies, PriceMarks prices, Trades trades, LpFacts facts,
            Sql sql, Collection<String> ids) {
        ProjectionBatch b = new ProjectionBatch(strategies, prices, trades, facts, true);
        strategies.loadAll(sql, ids).forEach(s -> b.held.put(s.strategyId(), s));
        return b;
    }

    Optional<StrategyRecord> load(UnitOfWork uow, String id) {
        if (!deferred) {
            return strategies.load(uow, id);
        }
        StrategyRecord s = held.get(id);
        if (s == null && !held.containsKey(id)) {
            s = strategies.load(uow, id).orElse(null);
            held.put(id, s);
        }
        return Optional.ofNullable(s);
    }

    void save(UnitOfWork uow, StrategyRecord s) {
        if (!deferred) {
            strategies.save(uow, s);
            return;
        }
        held.put(s.strategyId(), s);
        dirty.put(s.strategyId(), s);
    }

    void price(UnitOfWork uow, String instrument, BigDecimal price, Instant at) {
        if (!deferred) {
            prices.record(uow, instrument, price, at);
            return;
        }
        PriceMarks.Mark before = marks.get(instrument);
        if (before == null || !at.isBefore(before.observedAt())) {
            marks.put(instrument, new PriceMarks.Mark(instrument, price, at));
        }
    }

    void trade(UnitOfWork uow, Book book, String strategyId, Trade t) {
        if (!deferred) {
            trades.record(uow, book, strategyId, t);
            return;
        }
        newTrades.add(new TradeRow(book, strategyId, t));
    }

    /** Keeps a chain fact a strategy was built from. */
    void fact(UnitOfWork uow, String strategyId, EventEnvelope<?> fact) {
        newFacts.add(new LpFacts.Kept(strategyId, fact));
        if (!deferred) {
            flushFacts(uow);
        }
    }

    /** Marks a kept fact retracted: the strategy it belonged to, if the model kept it. */
    Optional<String> retract(UnitOfWork uow, UUID factId, UUID retraction) {
        flushFacts(uow);
        return facts.retract(uow, factId, retraction);
    }

    /** The kept facts of a strategy that still stand, in the order applied. */
    List<EventEnvelope<?>> standing(UnitOfWork uow, String strategyId) {
        flushFacts(uow);
        return facts.standing(uow, strategyId);
    }

    /** Writes what a deferred batch holds. */
    void flush(UnitOfWork uow) {
        flushFacts(uow);
        strategies.saveAll(uow, dirty.values());
        prices.recordAll(uow, marks.values());
        trades.recordAll(uow, newTrades.stream().map(r -> new Trades.Row(r.book(), r.strategyId(), r.trade()))
                .toList());
        dirty.clear();
        marks.clear();
        newTrades.clear();
    }

    private void flushFacts(UnitOfWork uow) {
        if (!newFacts.isEmpty()) {
            facts.keepAll(uow, newFacts);
            newFacts.clear();
        }
    }

    private record TradeRow(Book book, String strategyId, Trade trade) {
    }
}

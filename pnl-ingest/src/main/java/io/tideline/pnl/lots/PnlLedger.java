package io.tideline.pnl.lots;

import io.tideline.events.EventEnvelope;
import io.tideline.events.TradeSide;
import io.tideline.events.pnl.CostBasisMethod;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.messaging.tx.SentRead;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.pnl.config.PnlConfig;
import io.tideline.pnl.execution.Execution;
import io.tideline.pnl.execution.PnlEvents;
import io.tideline.pnl.execution.UserLocks;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies trades, resolutions and reorgs to the books in the caller's unit of work: reads a book under its user's lock
 * ({@link UserLocks}),
 * lets {@link LotBook} decide, writes the decision through {@link LotStore} and publishes a PnlRealized per
 * realization, built from the event that caused it.
 */
@ApplicationScoped
public class PnlLedger {

    private static final Logger LOG = Logger.getLogger(PnlLedger.class);

    private final LotStore store;
    private final UserLocks locks;
    private final CostBasisMethod defaultMethod;
    private final Clock clock;

    public PnlLedger(LotStore store, UserLocks locks, PnlConfig config, Clock clock) {
        this.store = store;
        this.locks = locks;
        this.defaultMethod = config.lots().defaultMethod();
        this.clock = clock;
    }

    /** A sale's book read ahead ({@link #sendBook}): the user's cost-basis method and the book's open lots. */
    public record SentBook(SentRead<CostBasisMethod> method, SentRead<Lot> open) {
    }

    /**
     * For a sale: takes the user's lock and sends the reads of the user's method and the book's open lots without
     * waiting, so that they share the round trip of the statement that records the sale (null for a buy). What is
     * sent later in the same unit of work (the sale's own writes) comes after them.
     */
    public SentBook sendBook(UnitOfWork uow, Execution e) {
        if (e.side() == TradeSide.BUY) {
            return null;
        }
        locks.lock(uow, e.user());
        return new SentBook(store.sendMethodOf(uow, e.user()), store.sendOpenLots(uow, LotStore.BookKey.of(e)));
    }

    /**
     * Applies a new execution to its book: a buy opens a lot, a sale closes lots by the user's method.
     *
     * @param recording 0, or n for an execution a reorg retracted that is recorded for the n-th time again
     * @param recorded  the execution's own event (ExecutionMatched / Unmatched): the cause of what it realizes
     * @param book      what {@link #sendBook} sent for it in this unit of work, after its earlier writes (null for a
     *                  buy)
     */
    public void apply(UnitOfWork uow, Execution e, String alertId, int recording, EventEnvelope<?> recorded,
            SentBook book) {
        LotStore.BookKey key = LotStore.BookKey.of(e);
        store.lockUserAndCountTrade(uow, e.user(), e.executedAt(), 1);
        if (e.side() == TradeSide.BUY) {
            if (recording == 0) {
                store.openLot(uow, e, alertId);
            } else {
                store.reopenLot(uow, e, alertId);
            }
            return;
        }
        CostBasisMethod method = book.method().rows().stream().findFirst().orElse(defaultMethod);
        LotBook.Sale sale = new LotBook(book.open().rows()).sell(e.shares(), e.price(), e.fee(), alertId, method);
        if (sale.uncovered().signum() > 0) {
            LOG.warnf("sale %s of %s shares finds only %s held by %s in %s/%s: the rest has no cost basis and is not"
                    + " realized", e.executionId(), e.shares(), sale.covered(), e.user(), e.market(), e.outcome());
        }
        for (Closing.Part part : sale.parts()) {
            realize(uow, key, e.executionId(), recording, part, method, PnlRealized.Reason.SELL, e.executedAt(),
                    recorded);
        }
    }

    /**
     * Closes every open lot of a market: the winning outcome pays 1 per share, the others 0. The realizations share
     * one correlation id, the resolution's.
     *
     * @return how many realizations it made
     */
    public int resolve(UnitOfWork uow, String venue, String market, String winningOutcome, Instant resolvedAt) {
        int made = 0;
        for (LotStore.BookKey book : store.openBooksOfMarket(uow, venue, market)) {
            locks.lock(uow, book.user());
            for (Closing.Part part : new LotBook(store.openLots(uow, book)).resolve(
                    book.outcome().equals(winningOutcome))) {
                realize(uow, book, "resolution:" + venue + ":" + market, 0, part, CostBasisMethod.FIFO,
                        PnlRealized.Reason.RESOLUTION, resolvedAt, null);
                made++;
            }
        }
        return made;
    }

    /**
     * Undoes an execution a reorg removed: a sale's realizations are reversed (their lots given back, a negated
     * PnlRealized each); a buy's lot is withdrawn with whatever of it is still open.
     *
     * @param cause the event that removed it (the wallet activity marked removed)
     */
    public void retract(UnitOfWork uow, Execution e, EventEnvelope<?> cause) {
        store.lockUserAndCountTrade(uow, e.user(), e.executedAt(), -1);
        if (e.side() == TradeSide.BUY) {
            store.lotOf(uow, e.executionId()).ifPresent(lot -> {
                long closes = store.closesOf(uow, lot.lotId());
                if (closes > 0) {
                    LOG.warnf("buy %s was removed by a reorg after %d sale(s) closed shares of it: that realized P&L"
                            + " is kept; only the open rest (%s shares) is withdrawn", e.executionId(), closes,
                            LotBook.withdraw(lot).quantity());
                }
                store.withdraw(uow, lot.lotId());
            });
            return;
        }
        for (LotStore.Stored realized : store.realizationsOf(uow, e.executionId(), PnlRealized.Reason.SELL)) {
            store.undo(uow, e.user(), realized);
            LotBook.Realization undone = LotBook.reverse(realized.figures());
            uow.publish(PnlEvents.causedBy(cause, PnlEvents.retractionId(realized.id()), e.user(),
                    new PnlRealized(e.user(), e.venue(), e.market(), e.outcome(), undone.quantity(),
                            undone.costBasis(), undone.proceeds(), undone.realizedPnl(), undone.fees(),
                            realized.method(), PnlRealized.Reason.RETRACTED, undone.alertId(), clock.instant())));
        }
    }

    /** The user's cost-basis method: their own if set, else the configured default. */
    public CostBasisMethod methodOf(Sql sql, String user) {
        return store.methodOf(sql, user).orElse(defaultMethod);
    }

    /** Stores one realization and publishes its PnlRealized: caused by {@code cause}, or a resolution's. */
    private void realize(UnitOfWork uow, LotStore.BookKey book, String closingId, int recording, Closing.Part part,
            CostBasisMethod method, PnlRealized.Reason reason, Instant at, EventEnvelope<?> cause) {
        UUID id = PnlEvents.realizationId(closingId, book.user(), book.market(), book.outcome(), part.alertId(),
                recording);
        store.saveRealization(uow, id, book, closingId, part, method, reason, at);
        PnlRealized realized = new PnlRealized(book.user(), book.venue(), book.market(), book.outcome(),
                part.quantity(), part.costBasis(), part.proceeds(), part.realizedPnl(), part.fees(), method, reason,
                part.alertId(), at);
        uow.publish(cause != null ? PnlEvents.causedBy(cause, id, book.user(), realized)
                : PnlEvents.root(id, book.user(), realized).withCorrelationId(
                        PnlEvents.resolutionCorrelation(book.venue(), book.market())));
    }
}

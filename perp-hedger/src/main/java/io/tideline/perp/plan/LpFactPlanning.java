package io.tideline.perp.plan;

import io.tideline.events.EventDecodingException;
import io.tideline.events.EventEnvelope;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpValued;
import io.tideline.messaging.inbox.InboxHandler;
import io.tideline.messaging.inbox.InboxMessage;
import io.tideline.messaging.inbox.UnprocessableMessageException;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.execution.OrderWorker;
import io.tideline.perp.hedge.Hedge;
import io.tideline.perp.hedge.HedgeDecision;
import io.tideline.perp.hedge.HedgeOrder;
import io.tideline.perp.hedge.HedgePlanner;
import io.tideline.perp.hedge.HedgeRules;
import io.tideline.perp.hedge.HedgeStore;
import io.tideline.perp.market.PoolMarkets;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plans each accepted LP fact, in arrival order, in the unit of work that marks it processed: reads (and locks) the
 * hedge it is about, asks the {@link HedgePlanner}, and carries out the decision ({@link DecisionEffects}). A database
 * outage counts nothing against a fact (the shared inbox worker waits it out); a fact that keeps failing while the
 * database answers is set aside after the inbox's attempts, with the reason, and can be re-driven.
 */
@ApplicationScoped
public class LpFactPlanning implements InboxHandler {

    public static final String STREAM = "lp-facts";

    private final HedgeStore store;
    private final HedgePlanner planner;
    private final DecisionEffects effects;
    private final BuyBackWorker buyBack;
    private final OrderWorker orders;
    private final boolean enabled;
    private final Clock clock = Clock.systemUTC();

    public LpFactPlanning(HedgeStore store, PoolMarkets markets, DecisionEffects effects, BuyBackWorker buyBack,
            OrderWorker orders, HedgerConfig config) {
        this.store = store;
        this.planner = new HedgePlanner(HedgeRules.of(config, markets));
        this.effects = effects;
        this.buyBack = buyBack;
        this.orders = orders;
        this.enabled = config.execution().enabled();
    }

    @Override
    public String stream() {
        return STREAM;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void handle(InboxMessage message, UnitOfWork uow) {
        EventEnvelope<?> fact;
        try {
            fact = message.envelope();
        } catch (EventDecodingException e) {
            throw new UnprocessableMessageException("LP fact " + message.messageId() + " is unreadable: "
                    + e.getMessage(), e);
        }
        Optional<Hedge> hedge = subject(uow, fact);
        List<HedgeOrder> outstanding = hedge.map(h -> store.outstandingOrders(uow, h.hedgeId())).orElse(List.of());
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int rebalancesToday = fact.payload() instanceof LpValued && hedge.isPresent() && hedge.get().live()
                ? store.rebalancesSince(uow, hedge.get().hedgeId(), day.atStartOfDay(ZoneOffset.UTC).toInstant())
                : 0;
        HedgeDecision decision = planner.plan(fact, hedge, outstanding, rebalancesToday, day,
                othersNotional(uow, fact, hedge));
        effects.apply(uow, decision, fact);
        if (decision instanceof HedgeDecision.LpGone) {
            uow.afterCommit(buyBack::wake);
        } else if (decision instanceof HedgeDecision.Open || decision instanceof HedgeDecision.Rehedge) {
            uow.afterCommit(orders::wake);
        }
    }

    /** The desk's other live hedges' notional, read (under the notional lock) for the facts that may add to it. */
    private BigDecimal othersNotional(UnitOfWork uow, EventEnvelope<?> fact, Optional<Hedge> hedge) {
        boolean mayAdd = fact.payload() instanceof LpMinted || fact.payload() instanceof LpValued && hedge.isPresent()
                && hedge.get().live();
        if (!mayAdd) {
            return BigDecimal.ZERO;
        }
        UUID self = fact.payload() instanceof LpMinted ? HedgePlanner.hedgeIdOf(fact).orElseThrow()
                : hedge.get().hedgeId();
        return store.othersNotional(uow, self);
    }

    /** The hedge the fact is about, locked for this unit of work (see {@link HedgePlanner#plan}). */
    private Optional<Hedge> subject(UnitOfWork uow, EventEnvelope<?> fact) {
        Optional<UUID> named = HedgePlanner.hedgeIdOf(fact);
        if (named.isPresent()) {
            Optional<Hedge> own = store.hedgeForUpdate(uow, named.get());
            if (own.isPresent() || !(fact.payload() instanceof LpMinted)) {
                return own;
            }
        }
        return store.currentHedgeForUpdate(uow, fact.key());
    }
}

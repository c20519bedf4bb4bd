package io.tideline.perp.plan;

import io.tideline.events.EventEnvelope;
import io.tideline.events.Topics;
import io.tideline.events.lp.LpClosed;
import io.tideline.events.lp.LpFactRetracted;
import io.tideline.events.lp.LpMinted;
import io.tideline.events.lp.LpTransferred;
import io.tideline.events.lp.LpValued;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.consumer.EventHandler;
import io.tideline.messaging.inbox.Inbox;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.perp.config.HedgerConfig;
import io.tideline.perp.market.PoolPrices;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Takes in what the hedger acts on: the LP facts it plans from are accepted, whole, into the {@code lp-facts} inbox
 * (planned there by {@link LpFactPlanning}, never inside the consumer's transaction, so planning never stalls
 * consumption), and pool prices from {@code market.prices} are kept for the paper venue.
 */
@ApplicationScoped
public class LpFactConsumer implements EventHandler {

    private final Inbox inbox;
    private final PoolPrices prices;
    private final boolean rebalance;

    public LpFactConsumer(Inbox inbox, PoolPrices prices, HedgerConfig config) {
        this.inbox = inbox;
        this.prices = prices;
        this.rebalance = config.rebalance().enabled();
    }

    @Override
    public String name() {
        return "lp-facts";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.LP_POSITIONS.name(), Topics.MARKET_PRICES.name());
    }

    @Override
    public boolean wants(EventEnvelope<?> event) {
        Object payload = event.payload();
        if (payload instanceof LpTransferred t) {
            return t.leftWatchedWallets();
        }
        if (payload instanceof PriceObserved p) {
            return p.sqrtPriceX96() != null; // pool prices, not venue marks
        }
        if (payload instanceof LpValued) {
            return rebalance; // valuations only move hedges through the delta band
        }
        return payload instanceof LpMinted || payload instanceof LpClosed || payload instanceof LpFactRetracted;
    }

    @Override
    public void handle(EventEnvelope<?> event, UnitOfWork uow) {
        if (event.payload() instanceof PriceObserved price) {
            prices.record(uow, price);
        } else {
            inbox.accept(uow, LpFactPlanning.STREAM, event);
        }
    }
}

package io.tideline.analytics.market;

import io.tideline.events.EventEnvelope;
import io.tideline.events.Topics;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.consumer.EventHandler;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Records pools' series from {@code market.prices}: every pool price lp-tracker publishes (with the swaps' volumes and
 * the pool's liquidity since its previous one) is folded into the pool's one-minute bar, once (the shared idempotent
 * consumer claims each event id in the same unit of work). Venue marks (no sqrt price) are not pool series.
 */
@ApplicationScoped
public class PoolSeriesRecorder implements EventHandler {

    public static final String NAME = "pool-series";

    private final PoolBarStore bars;

    public PoolSeriesRecorder(PoolBarStore bars) {
        this.bars = bars;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.MARKET_PRICES.name());
    }

    @Override
    public boolean wants(EventEnvelope<?> event) {
        return event.payload() instanceof PriceObserved p && p.sqrtPriceX96() != null && p.tick() != null;
    }

    @Override
    public void handle(EventEnvelope<?> event, UnitOfWork uow) {
        PriceObserved p = (PriceObserved) event.payload();
        bars.record(uow, new PoolObservation(p.instrument(), p.observedAt(), p.sqrtPriceX96(), p.tick(),
                p.liquidity(), p.volume0In(), p.volume1In(), p.swaps() == null ? 0 : p.swaps()));
    }
}

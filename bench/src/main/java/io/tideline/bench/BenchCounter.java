package io.tideline.bench;

import io.tideline.events.EventEnvelope;
import io.tideline.events.Topics;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.consumer.EventHandler;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's idempotent consumer: the messaging layer claims each event in {@code processed_event} in the unit of
 * work it hands over; the effect itself is a counter, so the figure is the cost of the reliable path, not of business
 * logic.
 */
@ApplicationScoped
public class BenchCounter implements EventHandler {

    private final AtomicLong applied = new AtomicLong();
    private volatile String source = "bench-not-started";

    void expect(String runSource) {
        this.source = runSource;
        applied.set(0);
    }

    long applied() {
        return applied.get();
    }

    @Override
    public String name() {
        return "bench-counter";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.MARKET_PRICES.name());
    }

    @Override
    public boolean wants(EventEnvelope<?> event) {
        return event.payload() instanceof PriceObserved p && source.equals(p.source());
    }

    @Override
    public void handle(EventEnvelope<?> event, UnitOfWork uow) {
        // counted before the commit: a unit of work rolled back and retried counts twice (no rollback is expected here)
        applied.incrementAndGet();
    }
}

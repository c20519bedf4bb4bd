package io.tideline.analytics.readmodel;

import io.tideline.events.EventEnvelope;
import io.tideline.events.Topics;
import io.tideline.messaging.consumer.EventHandler;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The read model's idempotent consumer of the five topics: each event is applied once, in the unit of work that
 * records its id, in order per key; a record that cannot be applied goes to its dead-letter topic with the reason.
 */
@ApplicationScoped
public class PortfolioConsumer implements EventHandler {

    public static final String NAME = "portfolio";
    public static final Set<String> TOPICS = Set.of(Topics.LP_POSITIONS.name(), Topics.PERP_HEDGES.name(),
            Topics.PNL_EXECUTIONS.name(), Topics.MM_SETTLEMENT.name(), Topics.MARKET_PRICES.name());

    private final PortfolioProjection projection;

    public PortfolioConsumer(PortfolioProjection projection) {
        this.projection = projection;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return TOPICS;
    }

    @Override
    public void handle(EventEnvelope<?> event, UnitOfWork uow) {
        projection.apply(event, uow);
    }
}

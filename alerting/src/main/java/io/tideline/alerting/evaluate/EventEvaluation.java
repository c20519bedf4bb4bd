package io.tideline.alerting.evaluate;

import io.tideline.alerting.alert.AlertService;
import io.tideline.alerting.alert.Signal;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventType;
import io.tideline.events.Topics;
import io.tideline.events.alert.AlertRaised;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.consumer.EventHandler;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Evaluates every event of the streams alerting watches, exactly once (an idempotent consumer: the event's effects,
 * the alerts it raises or clears and their events commit with its {@code processed_event} row).
 */
@ApplicationScoped
public class EventEvaluation implements EventHandler {

    private final PositionEvaluation positions;
    private final PriceEvaluation prices;
    private final PnlEvaluation pnl;
    private final SettlementEvaluation settlement;
    private final AlertService alerts;

    public EventEvaluation(PositionEvaluation positions, PriceEvaluation prices, PnlEvaluation pnl,
            SettlementEvaluation settlement, AlertService alerts) {
        this.positions = positions;
        this.prices = prices;
        this.pnl = pnl;
        this.settlement = settlement;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return "evaluation";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.LP_POSITIONS.name(), Topics.PERP_HEDGES.name(), Topics.PNL_EXECUTIONS.name(),
                Topics.MM_SETTLEMENT.name(), Topics.MARKET_PRICES.name(), Topics.ALERTS.name());
    }

    @Override
    public boolean wants(EventEnvelope<?> event) {
        if (event.payload() instanceof AlertRaised) {
            return !AlertService.SOURCE.equals(event.source()); // settlement's stop-loss, not our own alerts
        }
        return !Topics.ALERTS.name().equals(topicOf(event)); // our own escalations, acknowledgements, resolutions
    }

    @Override
    public void prepare(List<EventEnvelope<?>> events, UnitOfWork uow) {
        prices.prepare(events, uow);
    }

    @Override
    public void handle(EventEnvelope<?> event, UnitOfWork uow) {
        List<Signal> signals = signals(event, uow);
        if (!signals.isEmpty()) {
            alerts.applyAll(uow, signals);
        }
    }

    private static String topicOf(EventEnvelope<?> event) {
        return EventType.byName(event.type()).map(t -> t.topic().name()).orElse("");
    }

    private List<Signal> signals(EventEnvelope<?> event, UnitOfWork uow) {
        String topic = topicOf(event);
        if (event.payload() instanceof PriceObserved) {
            return prices.evaluate(event, uow);
        }
        if (topic.equals(Topics.LP_POSITIONS.name()) || topic.equals(Topics.PERP_HEDGES.name())) {
            return positions.evaluate(event, uow);
        }
        if (topic.equals(Topics.PNL_EXECUTIONS.name())) {
            return pnl.evaluate(event, uow);
        }
        if (topic.equals(Topics.MM_SETTLEMENT.name()) || topic.equals(Topics.ALERTS.name())) {
            return settlement.evaluate(event, uow);
        }
        return List.of();
    }
}

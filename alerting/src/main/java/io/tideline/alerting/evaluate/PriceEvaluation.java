package io.tideline.alerting.evaluate;

import io.tideline.alerting.alert.Signal;
import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.RuleParams.Direction;
import io.tideline.alerting.rule.Subject;
import io.tideline.alerting.watch.PriceFacts;
import io.tideline.events.EventEnvelope;
import io.tideline.events.market.PriceObserved;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prices (market.prices): a PRICE_CROSSES rule fires when the price moves from one side of its level to the other in
 * its direction, and an UP or DOWN alert clears when the price crosses back.
 */
@ApplicationScoped
public class PriceEvaluation {

    private final PriceFacts prices;
    private final MatchingRules rules;

    public PriceEvaluation(PriceFacts prices, MatchingRules rules) {
        this.prices = prices;
        this.rules = rules;
    }

    /** How a move from one price to another stands to a level. */
    public enum Crossing {
        UP,
        DOWN,
        NONE;

        /** UP: from below the level to at or above it; DOWN: from above it to at or below it. */
        public static Crossing of(BigDecimal before, BigDecimal after, BigDecimal level) {
            if (before.compareTo(level) < 0 && after.compareTo(level) >= 0) {
                return UP;
            }
            if (before.compareTo(level) > 0 && after.compareTo(level) <= 0) {
                return DOWN;
            }
            return NONE;
        }
    }

    /** Reads, in one statement, the last prices of the watched instruments of a batch's price events. */
    public void prepare(List<EventEnvelope<?>> events, UnitOfWork uow) {
        List<String> watched = events.stream().map(EventEnvelope::payload)
                .filter(PriceObserved.class::isInstance).map(p -> ((PriceObserved) p).instrument())
                .filter(i -> !rules.onPrice(i).isEmpty()).distinct().toList();
        prices.load(uow, watched);
    }

    public List<Signal> evaluate(EventEnvelope<?> e, UnitOfWork uow) {
        PriceObserved p = (PriceObserved) e.payload();
        Subject subject = new Subject(p.instrument(), null, null, p.sqrtPriceX96() == null ? null : p.instrument(),
                null, null);
        List<AlertRule> watching = rules.onPrice(p.instrument(), subject);
        if (watching.isEmpty()) {
            return List.of(); // no rule on this instrument: its price is not kept
        }
        Optional<BigDecimal> before = prices.swap(uow, p.instrument(), p.price(), p.observedAt());
        if (before.isEmpty()) {
            return List.of();
        }
        List<Signal> signals = new ArrayList<>();
        for (AlertRule rule : watching) {
            BigDecimal level = rule.params().level();
            Crossing crossing = Crossing.of(before.get(), p.price(), level);
            if (crossing == Crossing.NONE) {
                continue;
            }
            Direction wanted = rule.params().direction();
            boolean fires = wanted == Direction.EITHER || wanted.name().equals(crossing.name());
            String move = p.instrument() + " " + (crossing == Crossing.UP ? "rose" : "fell") + " from "
                    + before.get().toPlainString() + " to " + p.price().toPlainString() + " (" + p.source() + "),"
                    + " crossing " + level.toPlainString();
            if (fires) {
                signals.add(Signal.firing(rule, subject, p.instrument() + " crossed " + level.toPlainString() + " "
                        + (crossing == Crossing.UP ? "up" : "down") + " at " + p.price().toPlainString(), move, e,
                        e.occurredAt()));
            } else {
                signals.add(Signal.cleared(rule, subject, move + " back", e, e.occurredAt()));
            }
        }
        return signals;
    }
}

package io.tideline.alerting.evaluate;

import io.tideline.alerting.alert.Signal;
import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.RuleKind;
import io.tideline.alerting.rule.Subject;
import io.tideline.alerting.watch.UncoveredFacts;
import io.tideline.events.EventEnvelope;
import io.tideline.events.alert.AlertRaised;
import io.tideline.events.mm.PositionUncovered;
import io.tideline.events.mm.TakeProfitPlaced;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Market making (mm.settlement, and settlement's stop-loss on alerts): uncovered inventory is kept until a take-profit
 * covers it (the clock fires UNCOVERED_INVENTORY on age), and a tripped stop-loss fires STOP_LOSS.
 */
@ApplicationScoped
public class SettlementEvaluation {

    /** The rule id settlement raises its stop-loss alerts under. */
    public static final String SETTLEMENT_STOP_LOSS = "settlement.stop-loss";

    private final UncoveredFacts uncovered;
    private final MatchingRules rules;

    public SettlementEvaluation(UncoveredFacts uncovered, MatchingRules rules) {
        this.uncovered = uncovered;
        this.rules = rules;
    }

    public List<Signal> evaluate(EventEnvelope<?> e, UnitOfWork uow) {
        List<Signal> signals = new ArrayList<>();
        if (e.payload() instanceof PositionUncovered u) {
            uncovered.uncovered(uow, new UncoveredFacts.Uncovered(u.sessionId(), u.pair(), u.fillId(),
                    u.uncoveredQuantity(), u.heldSince()));
        } else if (e.payload() instanceof TakeProfitPlaced t) {
            uncovered.covered(uow, t.sessionId(), t.pair(), t.fillId(), e.occurredAt());
            Subject subject = new Subject(t.sessionId() + ":" + t.pair() + ":" + t.fillId(), null, null, null,
                    t.sessionId(), null);
            for (AlertRule rule : rules.of(RuleKind.UNCOVERED_INVENTORY, subject)) {
                signals.add(Signal.cleared(rule, subject, "take-profit " + t.clientOrderId() + " placed at "
                        + t.price().toPlainString(), e, e.occurredAt()));
            }
        } else if (e.payload() instanceof AlertRaised a && SETTLEMENT_STOP_LOSS.equals(a.ruleId())) {
            Subject subject = new Subject(a.subjectKey(), null, null, null, a.subjectKey(), null);
            for (AlertRule rule : rules.of(RuleKind.STOP_LOSS, subject)) {
                signals.add(Signal.firing(rule, subject, a.title(), a.detail(), e, e.occurredAt()));
            }
        }
        return signals;
    }
}

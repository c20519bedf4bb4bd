package io.tideline.alerting.evaluate;

import io.tideline.alerting.alert.Signal;
import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.RuleKind;
import io.tideline.alerting.rule.Subject;
import io.tideline.alerting.watch.PnlFacts;
import io.tideline.events.EventEnvelope;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Prediction-market trading (pnl.executions): an execution no arbitrage alert accounts for, and a user's drawdown of
 * realized P&amp;L from its peak within a window.
 */
@ApplicationScoped
public class PnlEvaluation {

    private final PnlFacts pnl;
    private final MatchingRules rules;

    public PnlEvaluation(PnlFacts pnl, MatchingRules rules) {
        this.pnl = pnl;
        this.rules = rules;
    }

    public List<Signal> evaluate(EventEnvelope<?> e, UnitOfWork uow) {
        List<Signal> signals = new ArrayList<>();
        if (e.payload() instanceof ExecutionUnmatched x) {
            Subject subject = new Subject(x.user(), x.user(), null, null, null, x.user());
            for (AlertRule rule : rules.of(RuleKind.UNMATCHED_EXECUTION, subject)) {
                signals.add(Signal.firing(rule, subject, "Unmatched execution by " + x.user() + " on " + x.venue(),
                        x.side() + " " + x.shares().toPlainString() + " " + x.outcome() + " of " + x.market() + " at "
                        + x.price().toPlainString() + " (execution " + x.executionId() + ", " + x.executedAt()
                        + ") follows no arbitrage alert", e, e.occurredAt()));
            }
        } else if (e.payload() instanceof PnlRealized r) {
            Subject subject = new Subject(r.user(), r.user(), null, null, null, r.user());
            List<AlertRule> watching = rules.of(RuleKind.PNL_DRAWDOWN, subject);
            BigDecimal cumulative = pnl.realize(uow, r.user(), r.realizedAt(), r.realizedPnl());
            for (AlertRule rule : watching) {
                PnlFacts.Drawdown d = pnl.drawdown(uow, r.user(), r.realizedAt().minusSeconds(
                        rule.params().windowSeconds()), cumulative);
                if (d.depth().compareTo(rule.params().amount()) > 0) {
                    signals.add(Signal.firing(rule, subject, "Drawdown " + d.depth().toPlainString() + " for "
                            + r.user(), "realized P&L of " + r.user() + " is " + d.cumulative().toPlainString()
                            + ", " + d.depth().toPlainString() + " below its peak of " + d.peak().toPlainString()
                            + " within " + rule.params().windowSeconds() + " s; over the limit of "
                            + rule.params().amount().toPlainString(), e, e.occurredAt()));
                } else {
                    signals.add(Signal.cleared(rule, subject, "drawdown " + d.depth().toPlainString()
                            + ", within the limit", e, e.occurredAt()));
                }
            }
        }
        return signals;
    }
}

package io.tideline.alerting.clock;

import io.tideline.alerting.alert.AlertService;
import io.tideline.alerting.alert.Signal;
import io.tideline.alerting.alert.AlertStore;
import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.RuleCatalog;
import io.tideline.alerting.rule.RuleKind;
import io.tideline.alerting.rule.Subject;
import io.tideline.alerting.watch.PositionFacts;
import io.tideline.alerting.watch.ServiceFacts;
import io.tideline.alerting.watch.UncoveredFacts;
import io.tideline.alerting.watch.WatchedPosition;
import io.tideline.messaging.schema.SchemaMigration;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.messaging.worker.PollingWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What no event announces (thread {@code alerting-clock}): conditions held for a time — a position out of range, a
 * position unhedged, inventory uncovered, a service not ready, each for longer than its rule's {@code forSeconds} —
 * and escalations that are due. One pass every {@code tideline.alerting.clock.interval}.
 */
@ApplicationScoped
public class ConditionClock {

    private static final int ESCALATIONS_PER_PASS = 200;

    private final Transactions transactions;
    private final RuleCatalog rules;
    private final AlertService alerts;
    private final AlertStore store;
    private final PositionFacts positions;
    private final UncoveredFacts uncovered;
    private final ServiceFacts services;
    private final SchemaMigration schema;
    private final Clock clock;
    private final Map<String, String> polled;
    private final ReadinessProbe probe;
    private final PollingWorker worker;

    public ConditionClock(Transactions transactions, RuleCatalog rules, AlertService alerts, AlertStore store,
            PositionFacts positions, UncoveredFacts uncovered, ServiceFacts services, SchemaMigration schema,
            Clock clock, ClockConfig config, ReadinessConfig readiness) {
        this.transactions = transactions;
        this.rules = rules;
        this.alerts = alerts;
        this.store = store;
        this.positions = positions;
        this.uncovered = uncovered;
        this.services = services;
        this.schema = schema;
        this.clock = clock;
        this.polled = Map.copyOf(readiness.services());
        this.probe = new ReadinessProbe(readiness.timeout());
        this.worker = new PollingWorker("alerting-clock", this::step, config.interval(), config.maxBackoff());
    }

    void onStart(@Observes StartupEvent event) {
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.stop(Duration.ofSeconds(30));
    }

    /** One pass; true if escalations may be left for another pass right away. */
    boolean step() {
        if (!schema.isMigrated()) {
            return false;
        }
        pollReadiness();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.execute(uow -> {
            List<Signal> signals = timedSignals(uow, now);
            if (!signals.isEmpty()) {
                alerts.applyAll(uow, signals);
            }
        });
        int escalated = transactions.run(uow -> alerts.escalateDue(uow, now, ESCALATIONS_PER_PASS, rules::enabled));
        return escalated == ESCALATIONS_PER_PASS;
    }

    private void pollReadiness() {
        if (polled.isEmpty()) {
            return;
        }
        Map<String, ReadinessProbe.Answer> answers = new java.util.TreeMap<>();
        polled.forEach((service, url) -> answers.put(service, probe.ask(url)));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.execute(uow -> answers.forEach((service, a) -> services.checked(uow, service, a.ready(), at,
                a.detail())));
    }

    private List<Signal> timedSignals(UnitOfWork uow, Instant now) {
        List<Signal> signals = new ArrayList<>();
        for (AlertRule rule : rules.of(RuleKind.OUT_OF_RANGE)) {
            Set<String> busy = store.busySubjects(uow, rule.ruleId(), now.minusSeconds(rule.cooldownSeconds()));
            for (WatchedPosition p : positions.outOfRangeSince(uow, now.minusSeconds(rule.params().forSeconds()))) {
                if (!busy.contains(p.positionKey()) && rule.scope().matches(p.subject())) {
                    signals.add(Signal.firing(rule, p.subject(), "Out of range " + minutes(p.outOfRangeSince(), now)
                            + ": " + p.positionKey(), "LP position " + p.positionKey() + " of " + p.owner() + " in pool "
                            + p.pool() + " has been out of its range since " + p.outOfRangeSince() + " ("
                            + minutes(p.outOfRangeSince(), now) + "), longer than " + rule.params().forSeconds()
                            + " s: it earns no fees and holds a single token", null, now));
                }
            }
        }
        for (AlertRule rule : rules.of(RuleKind.UNHEDGED)) {
            Set<String> busy = store.busySubjects(uow, rule.ruleId(), now.minusSeconds(rule.cooldownSeconds()));
            for (WatchedPosition p : positions.unhedgedSince(uow, now.minusSeconds(rule.params().forSeconds()))) {
                if (!busy.contains(p.positionKey()) && rule.scope().matches(p.subject())) {
                    signals.add(Signal.firing(rule, p.subject(), "Unhedged " + minutes(p.mintedAt(), now) + ": "
                            + p.positionKey(), "LP position " + p.positionKey() + " of " + p.owner() + " minted at "
                            + p.mintedAt() + " has no hedge fill after " + minutes(p.mintedAt(), now) + " (limit "
                            + rule.params().forSeconds() + " s); see perp-hedger's hedge for it", null, now));
                }
            }
        }
        for (AlertRule rule : rules.of(RuleKind.UNCOVERED_INVENTORY)) {
            Set<String> busy = store.busySubjects(uow, rule.ruleId(), now.minusSeconds(rule.cooldownSeconds()));
            for (UncoveredFacts.Uncovered u : uncovered.uncoveredSince(uow,
                    now.minusSeconds(rule.params().forSeconds()))) {
                Subject subject = new Subject(u.subjectKey(), null, null, null, u.sessionId(), null);
                if (!busy.contains(u.subjectKey()) && rule.scope().matches(subject)) {
                    signals.add(Signal.firing(rule, subject, "Uncovered " + minutes(u.heldSince(), now) + ": "
                            + u.quantity().toPlainString() + " " + u.pair() + " in " + u.sessionId(), "inventory of "
                            + u.quantity().toPlainString() + " " + u.pair() + " from fill " + u.fillId() + " in session "
                            + u.sessionId() + " has had no take-profit since " + u.heldSince() + " (limit "
                            + rule.params().forSeconds() + " s)", null, now));
                }
            }
        }
        List<AlertRule> readinessRules = rules.of(RuleKind.SERVICE_NOT_READY);
        if (!readinessRules.isEmpty()) {
            List<ServiceFacts.Readiness> all = services.all(uow);
            for (AlertRule rule : readinessRules) {
                Set<String> busy = store.busySubjects(uow, rule.ruleId(), now.minusSeconds(rule.cooldownSeconds()));
                for (ServiceFacts.Readiness r : all) {
                    Subject subject = Subject.of(r.service());
                    if (rule.params().service() != null && !rule.params().service().equals(r.service())) {
                        continue;
                    }
                    if (r.ready()) {
                        signals.add(Signal.cleared(rule, subject, r.service() + " is ready again", null, now));
                    } else if (!busy.contains(r.service()) && !r.notReadySince().isAfter(now.minusSeconds(
                            rule.params().forSeconds()))) {
                        signals.add(Signal.firing(rule, subject, r.service() + " not ready for "
                                + minutes(r.notReadySince(), now), r.service() + " has not been ready since "
                                + r.notReadySince() + " (last answer at " + r.checkedAt() + ": " + r.detail() + ")",
                                null, now));
                    }
                }
            }
        }
        return signals;
    }

    private static String minutes(Instant since, Instant now) {
        long seconds = Math.max(0, Duration.between(since, now).getSeconds());
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
    }
}

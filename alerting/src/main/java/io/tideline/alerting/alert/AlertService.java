package io.tideline.alerting.alert;

import io.tideline.alerting.alert.AlertLifecycle.Decision;
import io.tideline.alerting.alert.AlertStore.Change;
import io.tideline.alerting.delivery.Deliveries;
import io.tideline.alerting.delivery.Notification;
import io.tideline.alerting.delivery.NotificationKind;
import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.RuleStore;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventIds;
import io.tideline.events.EventPayload;
import io.tideline.events.alert.AlertAcknowledged;
import io.tideline.events.alert.AlertEscalated;
import io.tideline.events.alert.AlertRaised;
import io.tideline.events.alert.AlertResolved;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies the lifecycle's decisions: each change to an alert is written with its timeline entry, its event on
 * {@code alerts} and its notifications in one unit of work, so none of the four is ever without the others.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);
    public static final String SOURCE = "alerting";

    private final Transactions transactions;
    private final AlertStore alerts;
    private final RuleStore rules;
    private final Deliveries deliveries;
    private final Clock clock;

    public AlertService(Transactions transactions, AlertStore alerts, RuleStore rules, Deliveries deliveries,
            Clock clock) {
        this.transactions = transactions;
        this.alerts = alerts;
        this.rules = rules;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** What a signal did. */
    public enum Outcome {
        RAISED,
        REPEATED,
        SUPPRESSED,
        RESOLVED,
        NOTHING
    }

    /** Applies one signal inside the caller's unit of work (an event's, or the clock's). */
    public Outcome apply(UnitOfWork uow, Signal s) {
        return applyAll(uow, List.of(s)).get(0);
    }

    /**
     * Applies the signals of one event (or one clock pass) inside the caller's unit of work, in order, with a fixed
     * number of round trips whatever their number: which clearings have anything to clear, the subjects' locks (taken
     * in one order), their current alerts, then the alerts written; each outcome's timeline entry, event and
     * notifications follow in the signals' order.
     *
     * @return each signal's outcome, in the signals' order
     */
    public List<Outcome> applyAll(UnitOfWork uow, List<Signal> signals) {
        List<SubjectOfRule> keys = signals.stream().map(SubjectOfRule::of).toList();
        if (new HashSet<>(keys).size() < keys.size()) {
            List<Outcome> one = new ArrayList<>(); // the same rule and subject twice: each sees the one before
            for (Signal s : signals) {
                one.add(apply(uow, s));
            }
            return one;
        }
        Outcome[] outcomes = new Outcome[signals.size()];
        Arrays.fill(outcomes, Outcome.NOTHING);
        // the usual case for a clearing: nothing to clear, decided without a lock
        List<SubjectOfRule> clearing = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            if (!signals.get(i).firing()) {
                clearing.add(keys.get(i));
            }
        }
        Set<SubjectOfRule> toClear = alerts.unresolvedAmong(uow, clearing);
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            if (signals.get(i).firing() || toClear.contains(keys.get(i))) {
                live.add(i);
            }
        }
        if (live.isEmpty()) {
            return List.of(outcomes);
        }
        List<SubjectOfRule> liveKeys = live.stream().map(keys::get).toList();
        alerts.lockSubjects(uow, liveKeys);
        Map<SubjectOfRule, Alert> current = alerts.currentOf(uow, liveKeys);
        List<Decision> decisions = new ArrayList<>(live.size());
        List<Alert> raised = new ArrayList<>();
        List<Alert> changed = new ArrayList<>();
        for (int i : live) {
            Signal s = signals.get(i);
            Optional<Alert> latest = Optional.ofNullable(current.get(keys.get(i)));
            Optional<Alert> unresolved = latest.filter(a -> a.state() != AlertState.RESOLVED);
            Optional<Instant> lastRaised = s.firing() && unresolved.isEmpty()
                    ? latest.map(Alert::raisedAt) : Optional.empty();
            Decision decision = AlertLifecycle.decide(s, unresolved, lastRaised);
            decisions.add(decision);
            if (decision instanceof Decision.Raise raise) {
                raised.add(raise.alert());
            } else if (decision instanceof Decision.Repeat repeat) {
                changed.add(repeat.alert());
            } else if (decision instanceof Decision.Resolve resolve) {
                changed.add(resolve.alert());
            }
        }
        alerts.insertAll(uow, raised);
        alerts.updateAll(uow, changed);
        for (int k = 0; k < live.size(); k++) {
            outcomes[live.get(k)] = followUp(uow, signals.get(live.get(k)), decisions.get(k));
        }
        return List.of(outcomes);
    }

    /** What follows a decision once its alert is written: its timeline entry, event and notifications. */
    private Outcome followUp(UnitOfWork uow, Signal s, Decision decision) {
        AlertRule rule = s.rule();
        if (decision instanceof Decision.Raise raise) {
            Alert a = raise.alert();
            alerts.record(uow, a, Change.RAISED, a.raisedAt(), null, a.title(), rule.pushes());
            publish(uow, a, EventIds.of("AlertRaised", a.alertId()), new AlertRaised(a.alertId(), a.ruleId(),
                    a.severity(), a.subjectKey(), a.title(), a.detail(), a.raisedAt(), a.sourceEventId()));
            notify(uow, a, rule, NotificationKind.RAISED, rule.channels());
            LOG.infof("alert %s raised: %s (%s, rule %s)", a.alertId(), a.title(), a.severity(), rule.ruleId());
            return Outcome.RAISED;
        }
        if (decision instanceof Decision.Repeat repeat) {
            alerts.record(uow, repeat.alert(), Change.REPEATED, s.at(), null, null, false);
            return Outcome.REPEATED;
        }
        if (decision instanceof Decision.Suppress) {
            rules.countSuppressed(uow, rule.ruleId());
            return Outcome.SUPPRESSED;
        }
        if (decision instanceof Decision.Resolve resolve) {
            afterResolved(uow, resolve.alert(), Optional.of(rule));
            return Outcome.RESOLVED;
        }
        return Outcome.NOTHING;
    }

    /** Escalates the OPEN alerts that are due; the number escalated. */
    public int escalateDue(UnitOfWork uow, Instant now, int limit, java.util.function.Function<String,
            Optional<AlertRule>> ruleOf) {
        int escalated = 0;
        for (Alert due : alerts.escalationDue(uow, now, limit)) {
            alerts.lockSubject(uow, due.ruleId(), due.subjectKey());
            Optional<Alert> current = alerts.findForUpdate(uow, due.alertId());
            Optional<AlertRule> rule = ruleOf.apply(due.ruleId());
            if (current.isEmpty() || rule.isEmpty()) {
                continue;
            }
            Optional<Alert> up = AlertLifecycle.escalate(current.get(), rule.get(), now);
            if (up.isEmpty()) {
                if (current.get().state() == AlertState.OPEN && !current.get().snoozedAt(now)) {
                    // due but cannot escalate (levels used up, policy removed): stop asking
                    alerts.update(uow, withoutEscalation(current.get()));
                }
                continue;
            }
            Alert a = up.get();
            alerts.update(uow, a);
            String reason = "not acknowledged " + rule.get().escalation().afterSeconds() + " s after "
                    + (a.escalationLevel() == 1 ? "it was raised" : "escalation " + (a.escalationLevel() - 1));
            alerts.record(uow, a, Change.ESCALATED, now, null, reason, rule.get().pushes());
            publish(uow, a, EventIds.of("AlertEscalated", a.alertId(), a.escalationLevel()), new AlertEscalated(
                    a.alertId(), current.get().severity(), a.severity(), a.escalationLevel(), reason, now));
            Set<String> channels = new LinkedHashSet<>(rule.get().channels());
            channels.addAll(rule.get().escalation().channels());
            notify(uow, a, rule.get(), NotificationKind.ESCALATED, new ArrayList<>(channels));
            escalated++;
        }
        return escalated;
    }

    public Alert acknowledge(String alertId, String by, String note) {
        Instant now = now();
        return transactions.run(uow -> {
            Alert a = AlertLifecycle.acknowledge(locked(uow, alertId), by, note, now);
            alerts.update(uow, a);
            alerts.record(uow, a, Change.ACKNOWLEDGED, now, by, note, false);
            publish(uow, a, EventIds.of("AlertAcknowledged", a.alertId()), new AlertAcknowledged(a.alertId(), by,
                    note, now));
            return a;
        });
    }

    public Alert resolve(String alertId, String by, String note) {
        Instant now = now();
        return transactions.run(uow -> {
            Alert a = AlertLifecycle.resolve(locked(uow, alertId), by, note, now);
            resolved(uow, a, rules.find(uow, a.ruleId()));
            return a;
        });
    }

    public Alert snooze(String alertId, Instant until, String by) {
        Instant now = now();
        return transactions.run(uow -> {
            Alert a = AlertLifecycle.snooze(locked(uow, alertId), until, now);
            alerts.update(uow, a);
            alerts.record(uow, a, Change.SNOOZED, now, by, "until " + until, false);
            return a;
        });
    }

    /** Resolves every unresolved alert of a rule, e.g. because the rule changed or was deleted. */
    public void resolveAllOf(UnitOfWork uow, String ruleId, String why) {
        Instant now = now();
        for (Alert a : alerts.unresolvedOf(uow, ruleId)) {
            resolved(uow, a.resolved(null, why, now), Optional.empty());
        }
    }

    private void resolved(UnitOfWork uow, Alert a, Optional<AlertRule> rule) {
        alerts.update(uow, a);
        afterResolved(uow, a, rule);
    }

    private void afterResolved(UnitOfWork uow, Alert a, Optional<AlertRule> rule) {
        alerts.record(uow, a, Change.RESOLVED, a.resolvedAt(), a.resolvedBy(), a.resolution(),
                rule.map(AlertRule::pushes).orElse(false));
        publish(uow, a, EventIds.of("AlertResolved", a.alertId()), new AlertResolved(a.alertId(), a.resolution(),
                a.resolvedBy(), a.resolvedAt()));
        rule.ifPresent(r -> notify(uow, a, r, NotificationKind.RESOLVED, r.channels()));
    }

    private Alert locked(UnitOfWork uow, String alertId) {
        Alert a = alerts.find(uow, alertId).orElseThrow(() -> new NoSuchAlertException(alertId));
        alerts.lockSubject(uow, a.ruleId(), a.subjectKey());
        return alerts.findForUpdate(uow, alertId).orElseThrow(() -> new NoSuchAlertException(alertId));
    }

    private void notify(UnitOfWork uow, Alert a, AlertRule rule, NotificationKind kind, List<String> channels) {
        Instant at = switch (kind) {
            case RAISED -> a.raisedAt();
            case ESCALATED -> now();
            case RESOLVED -> a.resolvedAt();
        };
        deliveries.enqueue(uow, new Notification(a.alertId(), rule.ruleId(), rule.name(), kind, a.escalationLevel(),
                a.severity(), a.subjectKey(), a.title(), kind == NotificationKind.RESOLVED ? a.resolution()
                : a.detail(), at), channels);
    }

    private static void publish(UnitOfWork uow, Alert a, java.util.UUID eventId, EventPayload payload) {
        EventEnvelope<EventPayload> event = EventEnvelope.identified(eventId, Instant.now(), SOURCE, a.subjectKey(),
                payload);
        uow.publish(a.correlationId() == null ? event : event.withCorrelationId(a.correlationId()));
    }

    private static Alert withoutEscalation(Alert a) {
        return new Alert(a.alertId(), a.ruleId(), a.ruleName(), a.kind(), a.subjectKey(), a.state(), a.severity(),
                a.title(), a.detail(), a.occurrences(), a.raisedAt(), a.lastSeenAt(), a.sourceEventId(),
                a.escalationLevel(), null, a.snoozedUntil(), a.acknowledgedBy(), a.acknowledgedAt(),
                a.acknowledgeNote(), a.resolvedAt(), a.resolvedBy(), a.resolution(), a.correlationId());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

package io.tideline.alerting.alert;

import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.EscalationPolicy;
import io.tideline.events.EventIds;
import java.time.Instant;
import java.util.Optional;

/**
 * The alert lifecycle's decisions, without the database: what a signal does to the rule's alert about its subject,
 * when an alert escalates, and which person's actions are allowed.
 */
public final class AlertLifecycle {

    /** What a signal does. */
    public sealed interface Decision {

        /** A new alert is raised. */
        record Raise(Alert alert) implements Decision {
        }

        /** The unresolved alert about the subject counts one more occurrence. */
        record Repeat(Alert alert) implements Decision {
        }

        /** Within the rule's cooldown after the last alert about the subject: not raised, counted. */
        record Suppress(Instant cooldownEnds) implements Decision {
        }

        /** The condition cleared: the unresolved alert is resolved. */
        record Resolve(Alert alert) implements Decision {
        }

        /** A clearing with nothing unresolved. */
        record Nothing() implements Decision {
        }
    }

    /** A person's action that the alert's state does not allow (e.g. acknowledging a resolved alert). */
    public static final class NotAllowed extends RuntimeException {
        public NotAllowed(String message) {
            super(message);
        }
    }

    private AlertLifecycle() {
    }

    /**
     * @param unresolved   the rule's unresolved alert about the subject, if any
     * @param lastRaisedAt when the rule last raised an alert about the subject, if ever
     */
    public static Decision decide(Signal s, Optional<Alert> unresolved, Optional<Instant> lastRaisedAt) {
        if (!s.firing()) {
            return unresolved.<Decision>map(a -> new Decision.Resolve(a.resolved(null, "cleared: " + s.detail(),
                    s.at()))).orElseGet(Decision.Nothing::new);
        }
        if (unresolved.isPresent()) {
            return new Decision.Repeat(unresolved.get().repeated(s.at(), s.detail()));
        }
        AlertRule rule = s.rule();
        if (lastRaisedAt.isPresent()) {
            Instant cooldownEnds = lastRaisedAt.get().plusSeconds(rule.cooldownSeconds());
            if (s.at().isBefore(cooldownEnds)) {
                return new Decision.Suppress(cooldownEnds);
            }
        }
        EscalationPolicy escalation = rule.escalation();
        Instant next = escalation == null ? null : s.at().plusSeconds(escalation.afterSeconds());
        String alertId = EventIds.of("alert", rule.ruleId(), s.subject().key(),
                s.sourceEventId() == null ? s.at().toString() : s.sourceEventId().toString()).toString();
        return new Decision.Raise(new Alert(alertId, rule.ruleId(), rule.name(), rule.kind(), s.subject().key(),
                AlertState.OPEN, rule.severity(), s.title(), s.detail(), 1, s.at(), s.at(), s.sourceEventId(), 0,
                next, null, null, null, null, null, null, null, s.correlationId()));
    }

    /**
     * The alert one level up, if it is due: OPEN (not acknowledged), not snoozed, its rule escalates and has levels
     * left, and its time has come. The next escalation is one delay later, or none after the last level.
     */
    public static Optional<Alert> escalate(Alert a, AlertRule rule, Instant now) {
        EscalationPolicy e = rule.escalation();
        if (a.state() != AlertState.OPEN || e == null || a.escalationLevel() >= e.maxTimes()
                || a.nextEscalationAt() == null || now.isBefore(a.nextEscalationAt()) || a.snoozedAt(now)) {
            return Optional.empty();
        }
        boolean last = a.escalationLevel() + 1 >= e.maxTimes();
        return Optional.of(a.escalated(last ? null : now.plusSeconds(e.afterSeconds())));
    }

    public static Alert acknowledge(Alert a, String by, String note, Instant now) {
        if (a.state() != AlertState.OPEN) {
            throw new NotAllowed("alert " + a.alertId() + " is " + a.state() + "; only an OPEN alert can be"
                    + " acknowledged");
        }
        return a.acknowledged(by, note, now);
    }

    public static Alert resolve(Alert a, String by, String note, Instant now) {
        if (a.state() == AlertState.RESOLVED) {
            throw new NotAllowed("alert " + a.alertId() + " is already resolved");
        }
        return a.resolved(by, note == null ? "resolved by " + by : note, now);
    }

    /** Snoozed until {@code until}: no escalation before then (a due escalation waits for the snooze's end). */
    public static Alert snooze(Alert a, Instant until, Instant now) {
        if (a.state() == AlertState.RESOLVED) {
            throw new NotAllowed("alert " + a.alertId() + " is resolved; it cannot be snoozed");
        }
        if (!until.isAfter(now)) {
            throw new NotAllowed("a snooze must end in the future");
        }
        Instant next = a.nextEscalationAt() == null || a.nextEscalationAt().isAfter(until) ? a.nextEscalationAt()
                : until;
        return a.snoozed(until, next);
    }
}

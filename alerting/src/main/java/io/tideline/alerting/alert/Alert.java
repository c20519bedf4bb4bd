package io.tideline.alerting.alert;

import io.tideline.alerting.rule.RuleKind;
import io.tideline.events.alert.AlertSeverity;
import java.time.Instant;
import java.util.UUID;

/**
 * An alert: one rule about one subject, from its raise to its resolution.
 *
 * @param occurrences      how many times its condition fired while it was unresolved (1 when raised)
 * @param escalationLevel  0 until escalated, then the escalations so far
 * @param nextEscalationAt when it escalates if still OPEN; absent when it will not
 * @param snoozedUntil     no escalation until then
 * @param correlationId    of the event that raised it, carried by its later events; absent for clock checks
 */
public record Alert(String alertId, String ruleId, String ruleName, RuleKind kind, String subjectKey,
                    AlertState state, AlertSeverity severity, String title, String detail, long occurrences,
                    Instant raisedAt, Instant lastSeenAt, UUID sourceEventId, int escalationLevel,
                    Instant nextEscalationAt, Instant snoozedUntil, String acknowledgedBy, Instant acknowledgedAt,
                    String acknowledgeNote, Instant resolvedAt, String resolvedBy, String resolution,
                    String correlationId) {

    public boolean snoozedAt(Instant now) {
        return snoozedUntil != null && snoozedUntil.isAfter(now);
    }

    Alert repeated(Instant at, String newDetail) {
        return new Alert(alertId, ruleId, ruleName, kind, subjectKey, state, severity, title, newDetail,
                occurrences + 1, raisedAt, at.isAfter(lastSeenAt) ? at : lastSeenAt, sourceEventId,
                escalationLevel, nextEscalationAt, snoozedUntil, acknowledgedBy, acknowledgedAt, acknowledgeNote,
                resolvedAt, resolvedBy, resolution, correlationId);
    }

    Alert escalated(Instant next) {
        return new Alert(alertId, ruleId, ruleName, kind, subjectKey, state, severity.escalated(), title, detail,
                occurrences, raisedAt, lastSeenAt, sourceEventId, escalationLevel + 1, next, snoozedUntil,
                acknowledgedBy, acknowledgedAt, acknowledgeNote, resolvedAt, resolvedBy, resolution, correlationId);
    }

    Alert acknowledged(String by, String note, Instant at) {
        return new Alert(alertId, ruleId, ruleName, kind, subjectKey, AlertState.ACKNOWLEDGED, severity, title,
                detail, occurrences, raisedAt, lastSeenAt, sourceEventId, escalationLevel, null, snoozedUntil, by, at,
                note, resolvedAt, resolvedBy, resolution, correlationId);
    }

    Alert snoozed(Instant until, Instant next) {
        return new Alert(alertId, ruleId, ruleName, kind, subjectKey, state, severity, title, detail, occurrences,
                raisedAt, lastSeenAt, sourceEventId, escalationLevel, next, until, acknowledgedBy, acknowledgedAt,
                acknowledgeNote, resolvedAt, resolvedBy, resolution, correlationId);
    }

    Alert resolved(String by, String how, Instant at) {
        return new Alert(alertId, ruleId, ruleName, kind, subjectKey, AlertState.RESOLVED, severity, title, detail,
                occurrences, raisedAt, lastSeenAt, sourceEventId, escalationLevel, null, snoozedUntil,
                acknowledgedBy, acknowledgedAt, acknowledgeNote, at, by, how, correlationId);
    }
}

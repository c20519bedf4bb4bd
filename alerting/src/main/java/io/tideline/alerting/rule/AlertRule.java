package io.tideline.alerting.rule;

import io.tideline.events.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;

/**
 * An alert rule as stored.
 *
 * @param cooldownSeconds after an alert of this rule about a subject was raised, no new alert about the same subject
 *                        for this long, even if the first was resolved (such triggers are counted as suppressed)
 * @param escalation      absent: the alert stays at its severity
 * @param suppressed      triggers the cooldown kept from raising an alert
 * @param version         one more at each change
 */
public record AlertRule(String ruleId, String name, RuleKind kind, RuleScope scope, RuleParams params,
                        AlertSeverity severity, List<String> channels, long cooldownSeconds,
                        EscalationPolicy escalation, boolean enabled, long suppressed, Instant createdAt,
                        Instant updatedAt, long version) {

    public AlertRule {
        channels = List.copyOf(channels);
    }

    public boolean pushes() {
        return channels.contains("push");
    }
}

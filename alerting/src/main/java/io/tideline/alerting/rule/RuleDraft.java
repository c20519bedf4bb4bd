package io.tideline.alerting.rule;

import io.tideline.events.alert.AlertSeverity;
import java.util.List;

/**
 * A rule as a user writes it (the body of a create or a replace); {@link RuleValidation} checks it and fills the
 * defaults.
 *
 * @param ruleId          optional on create: a generated id when absent
 * @param scope           optional: GLOBAL
 * @param channels        optional: {@code ["push"]}
 * @param cooldownSeconds optional: 300
 * @param enabled         optional: true
 */
public record RuleDraft(String ruleId, String name, RuleKind kind, RuleScope scope, RuleParams params,
                        AlertSeverity severity, List<String> channels, Long cooldownSeconds,
                        EscalationPolicy escalation, Boolean enabled) {
}

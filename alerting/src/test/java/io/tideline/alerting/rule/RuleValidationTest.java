package io.tideline.alerting.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.events.alert.AlertSeverity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleValidationTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final RuleValidation VALIDATION = new RuleValidation(Set.of("push", "email:desk"));
    private static final RuleParams PRICE = new RuleParams("ETH-USD", new BigDecimal("2500"),
            RuleParams.Direction.DOWN, null, null, null, null, null, null);

    @Test
    void fillsTheDefaults() {
        AlertRule r = VALIDATION.create(draft(RuleKind.PRICE_CROSSES, PRICE, null), NOW);

        assertThat(r.ruleId()).startsWith("rule-");
        assertThat(r.scope()).isEqualTo(RuleScope.GLOBAL);
        assertThat(r.channels()).containsExactly("push");
        assertThat(r.cooldownSeconds()).isEqualTo(300);
        assertThat(r.enabled()).isTrue();
        assertThat(r.version()).isEqualTo(1);
    }

    @Test
    void namesTheFieldThatIsWrong() {
        field(draft(RuleKind.PRICE_CROSSES, new RuleParams("ETH-USD", null, RuleParams.Direction.UP, null, null,
                null, null, null, null), null), "params.level");
        field(draft(RuleKind.OUT_OF_RANGE, new RuleParams(null, null, null, 60L, new BigDecimal("1"), null, null,
                null, null), null), "params.amount");
        field(draft(RuleKind.IMPERMANENT_LOSS, new RuleParams(null, null, null, null, new BigDecimal("1"),
                new BigDecimal("5"), null, null, null), null), "params.amount");
        field(draft(RuleKind.IMPERMANENT_LOSS, new RuleParams(null, null, null, null, null, new BigDecimal("-5"),
                null, null, null), null), "params.percent");
        field(draft(RuleKind.OUT_OF_RANGE, new RuleParams(null, null, null, 0L, null, null, null, null, null), null),
                "params.forSeconds");
        field(draft(RuleKind.DEAD_LETTER, new RuleParams(null, null, null, null, null, null, null, "lp.positions",
                null), null), "params.topic");
        field(draft(RuleKind.PRICE_CROSSES, PRICE, List.of("push", "webhook:nowhere")), "channels[1]");
        field(draft(RuleKind.PRICE_CROSSES, PRICE, List.of("push", "push")), "channels[1]");
        field(draft(RuleKind.PRICE_CROSSES, PRICE, List.of()), "channels");
        field(new RuleDraft(null, "x", RuleKind.PRICE_CROSSES, new RuleScope(ScopeType.WALLET, null), PRICE,
                AlertSeverity.LOW, null, null, null, null), "scope.value");
        field(new RuleDraft(null, "bad\u202ename", RuleKind.PRICE_CROSSES, null, PRICE, AlertSeverity.LOW, null,
                null, null, null), "name");
        field(new RuleDraft(null, "x", RuleKind.PRICE_CROSSES, null, PRICE, null, null, null, null, null),
                "severity");
        field(new RuleDraft(null, "x", RuleKind.PRICE_CROSSES, null, PRICE, AlertSeverity.LOW, null, null,
                new EscalationPolicy(60, 11, List.of()), null), "escalation.maxTimes");
        field(new RuleDraft("has space", "x", RuleKind.PRICE_CROSSES, null, PRICE, AlertSeverity.LOW, null, null,
                null, null), "ruleId");
    }

    @Test
    void aReplaceKeepsIdCreationAndSuppressedCountAndCountsTheVersion() {
        AlertRule first = VALIDATION.create(draft(RuleKind.PRICE_CROSSES, PRICE, null), NOW);
        AlertRule stored = new AlertRule(first.ruleId(), first.name(), first.kind(), first.scope(), first.params(),
                first.severity(), first.channels(), first.cooldownSeconds(), first.escalation(), true, 7,
                first.createdAt(), first.updatedAt(), 3);

        AlertRule replaced = VALIDATION.replace(stored, draft(RuleKind.PRICE_CROSSES, PRICE, List.of("email:desk")),
                NOW.plusSeconds(60));

        assertThat(replaced.ruleId()).isEqualTo(first.ruleId());
        assertThat(replaced.createdAt()).isEqualTo(NOW);
        assertThat(replaced.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(replaced.suppressed()).isEqualTo(7);
        assertThat(replaced.version()).isEqualTo(4);
        assertThat(replaced.channels()).containsExactly("email:desk");
    }

    private static void field(RuleDraft d, String field) {
        assertThatThrownBy(() -> VALIDATION.create(d, NOW)).isInstanceOfSatisfying(InvalidRuleException.class,
                e -> assertThat(e.field()).as(e.getMessage()).isEqualTo(field));
    }

    private static RuleDraft draft(RuleKind kind, RuleParams params, List<String> channels) {
        return new RuleDraft(null, "a rule", kind, null, params, AlertSeverity.MEDIUM, channels, null, null, null);
    }
}

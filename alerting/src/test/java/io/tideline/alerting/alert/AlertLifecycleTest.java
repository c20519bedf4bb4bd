package io.tideline.alerting.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.alerting.alert.AlertLifecycle.Decision;
import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.EscalationPolicy;
import io.tideline.alerting.rule.RuleKind;
import io.tideline.alerting.rule.RuleParams;
import io.tideline.alerting.rule.RuleScope;
import io.tideline.alerting.rule.Subject;
import io.tideline.events.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dedupe, cooldown, escalation timing, acknowledgement, snooze and resolution, on a clock the test controls. */
class AlertLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Subject POSITION = Subject.of("31337:0xpm:7");
    private static final AlertRule RULE = rule(600, new EscalationPolicy(300, 2, List.of("email:oncall")));

    @Test
    void aFiringSignalRaisesAnOpenAlertAtTheRuleSeverityWithItsFirstEscalationDue() {
        Decision d = AlertLifecycle.decide(fire(T0), Optional.empty(), Optional.empty());

        assertThat(d).isInstanceOfSatisfying(Decision.Raise.class, r -> {
            assertThat(r.alert().state()).isEqualTo(AlertState.OPEN);
            assertThat(r.alert().severity()).isEqualTo(AlertSeverity.MEDIUM);
            assertThat(r.alert().occurrences()).isEqualTo(1);
            assertThat(r.alert().raisedAt()).isEqualTo(T0);
            assertThat(r.alert().nextEscalationAt()).isEqualTo(T0.plusSeconds(300));
            assertThat(r.alert().subjectKey()).isEqualTo(POSITION.key());
        });
    }

    @Test
    void theSameRuleAndSubjectWhileOpenOnlyCountsAndMovesLastSeen() {
        Alert open = raised(T0);
        Decision d = AlertLifecycle.decide(fire(T0.plusSeconds(42)), Optional.of(open), Optional.of(T0));

        assertThat(d).isInstanceOfSatisfying(Decision.Repeat.class, r -> {
            assertThat(r.alert().alertId()).isEqualTo(open.alertId());
            assertThat(r.alert().occurrences()).isEqualTo(2);
            assertThat(r.alert().lastSeenAt()).isEqualTo(T0.plusSeconds(42));
            assertThat(r.alert().raisedAt()).isEqualTo(T0);
            assertThat(r.alert().severity()).isEqualTo(open.severity());
        });
    }

    @Test
    void withinTheCooldownAfterTheLastRaiseNothingIsRaisedAndAfterItANewAlertIs() {
        Decision inside = AlertLifecycle.decide(fire(T0.plusSeconds(599)), Optional.empty(), Optional.of(T0));
        Decision after = AlertLifecycle.decide(fire(T0.plusSeconds(600)), Optional.empty(), Optional.of(T0));

        assertThat(inside).isEqualTo(new Decision.Suppress(T0.plusSeconds(600)));
        assertThat(after).isInstanceOf(Decision.Raise.class);
        assertThat(((Decision.Raise) after).alert().alertId()).isNotEqualTo(raised(T0).alertId());
    }

    @Test
    void theSameCauseGivesTheSameAlertIdSoAReplayCannotRaiseASecondOne() {
        assertThat(raised(T0).alertId()).isEqualTo(raised(T0).alertId());
        assertThat(raised(T0).alertId()).isNotEqualTo(raised(T0.plusSeconds(1)).alertId());
    }

    @Test
    void aClearingResolvesTheOpenAlertAndIsNothingWithoutOne() {
        Decision resolve = AlertLifecycle.decide(Signal.cleared(RULE, POSITION, "back in range", null,
                T0.plusSeconds(90)), Optional.of(raised(T0)), Optional.of(T0));

        assertThat(resolve).isInstanceOfSatisfying(Decision.Resolve.class, r -> {
            assertThat(r.alert().state()).isEqualTo(AlertState.RESOLVED);
            assertThat(r.alert().resolvedAt()).isEqualTo(T0.plusSeconds(90));
            assertThat(r.alert().resolvedBy()).isNull();
            assertThat(r.alert().resolution()).isEqualTo("cleared: back in range");
            assertThat(r.alert().nextEscalationAt()).isNull();
        });
        assertThat(AlertLifecycle.decide(Signal.cleared(RULE, POSITION, "x", null, T0), Optional.empty(),
                Optional.empty())).isInstanceOf(Decision.Nothing.class);
    }

    @Test
    void escalatesOneSeverityUpEachDelayAtMostMaxTimes() {
        Alert a = raised(T0);

        assertThat(AlertLifecycle.escalate(a, RULE, T0.plusSeconds(299))).isEmpty();
        Alert first = AlertLifecycle.escalate(a, RULE, T0.plusSeconds(300)).orElseThrow();
        assertThat(first.severity()).isEqualTo(AlertSeverity.HIGH);
        assertThat(first.escalationLevel()).isEqualTo(1);
        assertThat(first.nextEscalationAt()).isEqualTo(T0.plusSeconds(600));

        assertThat(AlertLifecycle.escalate(first, RULE, T0.plusSeconds(599))).isEmpty();
        Alert second = AlertLifecycle.escalate(first, RULE, T0.plusSeconds(610)).orElseThrow();
        assertThat(second.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(second.escalationLevel()).isEqualTo(2);
        assertThat(second.nextEscalationAt()).as("maxTimes reached").isNull();
        assertThat(AlertLifecycle.escalate(second, RULE, T0.plusSeconds(100_000))).isEmpty();
    }

    @Test
    void anAcknowledgedAlertNeverEscalatesAndCannotBeAcknowledgedTwice() {
        Alert acked = AlertLifecycle.acknowledge(raised(T0), "ana", "on it", T0.plusSeconds(10));

        assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(acked.acknowledgedBy()).isEqualTo("ana");
        assertThat(acked.acknowledgeNote()).isEqualTo("on it");
        assertThat(AlertLifecycle.escalate(acked, RULE, T0.plusSeconds(10_000))).isEmpty();
        assertThatThrownBy(() -> AlertLifecycle.acknowledge(acked, "bo", null, T0.plusSeconds(20)))
                .isInstanceOf(AlertLifecycle.NotAllowed.class).hasMessageContaining("ACKNOWLEDGED");
    }

    @Test
    void aSnoozedAlertEscalatesOnlyAfterItsSnooze() {
        Alert snoozed = AlertLifecycle.snooze(raised(T0), T0.plusSeconds(1000), T0.plusSeconds(5));

        assertThat(snoozed.nextEscalationAt()).isEqualTo(T0.plusSeconds(1000));
        assertThat(AlertLifecycle.escalate(snoozed, RULE, T0.plusSeconds(999))).isEmpty();
        assertThat(AlertLifecycle.escalate(snoozed, RULE, T0.plusSeconds(1000))).isPresent();
        assertThatThrownBy(() -> AlertLifecycle.snooze(raised(T0), T0, T0.plusSeconds(1)))
                .isInstanceOf(AlertLifecycle.NotAllowed.class);
    }

    @Test
    void aResolvedAlertCannotBeResolvedOrSnoozedAgain() {
        Alert resolved = AlertLifecycle.resolve(raised(T0), "ana", null, T0.plusSeconds(3));

        assertThat(resolved.resolution()).isEqualTo("resolved by ana");
        assertThatThrownBy(() -> AlertLifecycle.resolve(resolved, "ana", null, T0.plusSeconds(4)))
                .isInstanceOf(AlertLifecycle.NotAllowed.class);
        assertThatThrownBy(() -> AlertLifecycle.snooze(resolved, T0.plusSeconds(99), T0.plusSeconds(4)))
                .isInstanceOf(AlertLifecycle.NotAllowed.class);
    }

    @Test
    void withoutAnEscalationPolicyAnAlertStaysAtItsSeverity() {
        AlertRule plain = rule(0, null);
        Alert a = ((Decision.Raise) AlertLifecycle.decide(Signal.firing(plain, POSITION, "t", "d", null, T0),
                Optional.empty(), Optional.empty())).alert();

        assertThat(a.nextEscalationAt()).isNull();
        assertThat(AlertLifecycle.escalate(a, plain, T0.plusSeconds(1_000_000))).isEmpty();
    }

    private static Alert raised(Instant at) {
        return ((Decision.Raise) AlertLifecycle.decide(fire(at), Optional.empty(), Optional.empty())).alert();
    }

    private static Signal fire(Instant at) {
        return Signal.firing(RULE, POSITION, "Out of range", "since 09:00", null, at);
    }

    static AlertRule rule(long cooldown, EscalationPolicy escalation) {
        return new AlertRule("r1", "out of range", RuleKind.OUT_OF_RANGE, RuleScope.GLOBAL,
                new RuleParams(null, null, null, 60L, null, null, null, null, null), AlertSeverity.MEDIUM,
                List.of("push"), cooldown, escalation, true, 0, T0, T0, 1);
    }
}

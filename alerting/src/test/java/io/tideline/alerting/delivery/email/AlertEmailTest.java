package io.tideline.alerting.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.alerting.delivery.Notification;
import io.tideline.alerting.delivery.NotificationKind;
import io.tideline.events.alert.AlertSeverity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertEmailTest {

    private static Notification notification(NotificationKind kind, int level, AlertSeverity severity) {
        return new Notification("alert-1", "eth-below-3000", "ETH under 3000", kind, level, severity, "ETH-USD",
                "ETH-USD crossed 3000 down at 2999.5", "from 3001 to 2999.5", Instant.parse("2026-12-06T00:00:00Z"));
    }

    @Test
    void theSubjectLeadsWithTheSeverity() {
        assertThat(AlertEmail.of(notification(NotificationKind.RAISED, 0, AlertSeverity.HIGH), "k").subject())
                .isEqualTo("[HIGH] ETH-USD crossed 3000 down at 2999.5");
        assertThat(AlertEmail.of(notification(NotificationKind.ESCALATED, 1, AlertSeverity.CRITICAL), "k").subject())
                .isEqualTo("[CRITICAL] Escalated (level 1): ETH-USD crossed 3000 down at 2999.5");
        assertThat(AlertEmail.of(notification(NotificationKind.RESOLVED, 0, AlertSeverity.HIGH), "k").subject())
                .isEqualTo("[HIGH] Resolved: ETH-USD crossed 3000 down at 2999.5");
    }

    @Test
    void theMessageIdIsTheSameForTheSameKeyAndValidForAnyKey() {
        Notification n = notification(NotificationKind.RAISED, 0, AlertSeverity.HIGH);
        String key = n.idempotencyKey("email:desk");
        assertThat(AlertEmail.of(n, key).messageId()).isEqualTo(AlertEmail.of(n, key).messageId())
                .matches("<[0-9a-f]{32}@alerting\\.tideline>");
        assertThat(AlertEmail.of(n, key).messageId()).isNotEqualTo(AlertEmail.of(n, key + "x").messageId());
    }

    @Test
    void aTitleWithLineBreaksMakesAOneLineSubject() {
        Notification n = new Notification("a", "r", "R", NotificationKind.RAISED, 0, AlertSeverity.LOW, "s",
                "two\r\nlines", "d", Instant.EPOCH);
        assertThat(AlertEmail.of(n, "k").subject()).isEqualTo("[LOW] two  lines");
    }
}

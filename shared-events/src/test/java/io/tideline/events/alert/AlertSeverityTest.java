package io.tideline.events.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertSeverityTest {

    @Test
    void fourSeveritiesLeastFirst() {
        assertThat(AlertSeverity.values()).containsExactly(AlertSeverity.LOW, AlertSeverity.MEDIUM,
                AlertSeverity.HIGH, AlertSeverity.CRITICAL);
        assertThat(AlertSeverity.HIGH).isGreaterThan(AlertSeverity.MEDIUM);
    }

    @Test
    void escalationMovesOneStepUpAndStopsAtCritical() {
        assertThat(AlertSeverity.LOW.escalated()).isEqualTo(AlertSeverity.MEDIUM);
        assertThat(AlertSeverity.MEDIUM.escalated()).isEqualTo(AlertSeverity.HIGH);
        assertThat(AlertSeverity.HIGH.escalated()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(AlertSeverity.CRITICAL.escalated()).isEqualTo(AlertSeverity.CRITICAL);
    }
}

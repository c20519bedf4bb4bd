package io.tideline.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(15), 10);

    @Test
    void theCeilingDoublesFromTheBaseUpToTheMax() {
        assertThat(POLICY.ceiling(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(POLICY.ceiling(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(POLICY.ceiling(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(POLICY.ceiling(8)).isEqualTo(Duration.ofSeconds(640));
        assertThat(POLICY.ceiling(9)).isEqualTo(Duration.ofMinutes(15));
        assertThat(POLICY.ceiling(10_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void fullJitterDrawsBetweenZeroAndTheCeiling() {
        assertThat(POLICY.delay(3, 0.0)).isEqualTo(Duration.ZERO);
        assertThat(POLICY.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(POLICY.delay(3, 0.9999999)).isEqualTo(Duration.ofMillis(19_999));
        assertThatThrownBy(() -> POLICY.delay(3, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRetryableAnswerIsTriedAgainAfterTheJitteredPause() {
        RetryPolicy.Next next = POLICY.next(new SendResult.Retryable(503, "HTTP 503"), 2, NOW, 0.25);
        assertThat(next.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(next.at()).isEqualTo(NOW.plusMillis(2_500));
    }

    @Test
    void aReceiversRetryAfterIsWaitedOutWhenLongerThanTheJitteredPauseAndOnlyUpToAnHour() {
        // the jittered pause after attempt 2 at 0.25 is 2.5 s
        assertThat(POLICY.next(new SendResult.Retryable(429, "HTTP 429", Duration.ofSeconds(60)), 2, NOW, 0.25).at())
                .isEqualTo(NOW.plusSeconds(60));
        assertThat(POLICY.next(new SendResult.Retryable(503, "HTTP 503", Duration.ofSeconds(1)), 2, NOW, 0.25).at())
                .isEqualTo(NOW.plusMillis(2_500));
        assertThat(POLICY.next(new SendResult.Retryable(503, "HTTP 503", Duration.ofDays(2)), 2, NOW, 0.25).at())
                .isEqualTo(NOW.plus(RetryPolicy.LONGEST_RECEIVER_WAIT));
        // the last attempt still fails, whatever the receiver asks
        assertThat(POLICY.next(new SendResult.Retryable(429, "HTTP 429", Duration.ofSeconds(60)), 10, NOW, 0.25)
                .state()).isEqualTo(DeliveryState.FAILED);
    }

    @Test
    void theLastAttemptFailsTheDelivery() {
        assertThat(POLICY.next(new SendResult.Retryable(null, "timed out"), 10, NOW, 0.5).state())
                .isEqualTo(DeliveryState.FAILED);
    }

    @Test
    void aRefusalIsFinalAtOnceAndAnAcceptanceDelivers() {
        assertThat(POLICY.next(new SendResult.Rejected(400, "HTTP 400"), 1, NOW, 0.5))
                .isEqualTo(new RetryPolicy.Next(DeliveryState.FAILED, NOW));
        assertThat(POLICY.next(new SendResult.Delivered(204), 3, NOW, 0.5))
                .isEqualTo(new RetryPolicy.Next(DeliveryState.DELIVERED, NOW));
    }

    @Test
    void httpStatusesAreClassified() {
        assertThat(SendResult.ofHttpStatus(200, "")).isInstanceOf(SendResult.Delivered.class);
        assertThat(SendResult.ofHttpStatus(204, "")).isInstanceOf(SendResult.Delivered.class);
        assertThat(SendResult.ofHttpStatus(500, "")).isInstanceOf(SendResult.Retryable.class);
        assertThat(SendResult.ofHttpStatus(503, "down")).isEqualTo(new SendResult.Retryable(503, "HTTP 503: down"));
        assertThat(SendResult.ofHttpStatus(408, "")).isInstanceOf(SendResult.Retryable.class);
        assertThat(SendResult.ofHttpStatus(429, "")).isInstanceOf(SendResult.Retryable.class);
        assertThat(SendResult.ofHttpStatus(400, "")).isInstanceOf(SendResult.Rejected.class);
        assertThat(SendResult.ofHttpStatus(401, "")).isInstanceOf(SendResult.Rejected.class);
        assertThat(SendResult.ofHttpStatus(404, "")).isInstanceOf(SendResult.Rejected.class);
        assertThat(SendResult.ofHttpStatus(410, "")).isInstanceOf(SendResult.Rejected.class);
        assertThat(SendResult.ofHttpStatus(302, "")).isInstanceOf(SendResult.Rejected.class);
    }

    @Test
    void refusesAPolicyThatCannotWork() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.tideline.alerting.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tideline.alerting.delivery.Notification;
import io.tideline.alerting.delivery.NotificationKind;
import io.tideline.alerting.delivery.RateLimit;
import io.tideline.alerting.delivery.SendResult;
import io.tideline.alerting.delivery.WebhookChannel;
import io.tideline.events.alert.AlertSeverity;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void secondsAndHttpDatesAreWaitsFromNow() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        // RFC 9110's IMF-fixdate, 90 s ahead; a date gone by is no wait
        assertThat(RetryAfter.parse("Sun, 06 Dec 2026 10:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Sun, 06 Dec 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anythingElseIsAsIfAbsent() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEmpty();
    }

    /** A real receiver on loopback answering 429 with Retry-After: the sender keeps the wait for the retry policy. */
    @Test
    void theSenderKeepsTheReceiversRetryAfter() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Retry-After", "45");
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
        });
        receiver.start();
        try {
            WebhookChannel channel = new WebhookChannel("ops", URI.create("http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook"), "secret", Duration.ofSeconds(5),
                    new RateLimit(10, BigDecimal.TEN));
            SendResult result = new WebhookSender(Clock.fixed(NOW, ZoneOffset.UTC)).send(channel,
                    notification(), "key-1");
            assertThat(result).isInstanceOf(SendResult.Retryable.class);
            assertThat(((SendResult.Retryable) result).retryAfter()).isEqualTo(Duration.ofSeconds(45));
            assertThat(result.status()).isEqualTo(429);
            assertThat(result.error()).contains("Retry-After 45 s");
        } finally {
            receiver.stop(0);
        }
    }

    private static Notification notification() {
        return new Notification("alert-1", "eth-below-3000", "ETH under 3000", NotificationKind.RAISED, 0,
                AlertSeverity.HIGH, "ETH-USD", "ETH-USD crossed 3000 down", "from 3001 to 2999.5", NOW);
    }
}

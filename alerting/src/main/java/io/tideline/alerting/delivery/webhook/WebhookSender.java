package io.tideline.alerting.delivery.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tideline.alerting.delivery.Channel;
import io.tideline.alerting.delivery.ChannelSender;
import io.tideline.alerting.delivery.ChannelType;
import io.tideline.alerting.delivery.Notification;
import io.tideline.alerting.delivery.SendResult;
import io.tideline.alerting.delivery.WebhookChannel;
import io.tideline.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outbound webhooks: a JSON POST of a {@link WebhookBody}, signed ({@link WebhookSignature}) and carrying the
 * {@code Idempotency-Key}, over the JDK's HttpClient (blocking on the channel's lane thread, bounded by the channel's
 * timeout; redirects are not followed). A refusal's {@code Retry-After} is kept for the retry policy.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    static final String USER_AGENT = "tideline-alerting";
    private static final int MAX_ANSWER = 300;

    private final Clock clock;
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    public WebhookSender(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public SendResult send(Channel channel, Notification notification, String idempotencyKey) {
        WebhookChannel webhook = (WebhookChannel) channel;
        byte[] body = body(WebhookBody.of(notification, idempotencyKey));
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(webhook.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("Idempotency-Key", idempotencyKey)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(webhook.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = client(webhook.timeout()).send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            return SendResult.ofHttpStatus(response.statusCode(), answer(response), response.headers()
                    .firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, clock.instant())).orElse(null));
        } catch (HttpTimeoutException e) {
            return new SendResult.Retryable(null, "timed out after " + webhook.timeout().toMillis() + " ms");
        } catch (ConnectException e) {
            return new SendResult.Retryable(null, "cannot connect: " + message(e));
        } catch (IOException e) {
            return new SendResult.Retryable(null, "connection failed: " + message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Retryable(null, "interrupted (the service is stopping)");
        }
    }

    static byte[] body(WebhookBody body) {
        try {
            return EventJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpClient client(Duration timeout) {
        return clients.computeIfAbsent(timeout, t -> HttpClient.newBuilder().connectTimeout(t)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** The start of a refusal's answer, for the attempt log; the rest (and an acceptance's) is not read. */
    private static String answer(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 == 2) {
                return "";
            }
            return new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

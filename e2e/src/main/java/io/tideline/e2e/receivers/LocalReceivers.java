package io.tideline.e2e.receivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import io.tideline.e2e.Settings;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The outside world alerting delivers to on a local machine: an SMTP server (GreenMail) standing in for the desk's
 * mail relay, and an HTTP receiver of alerting's signed webhooks that verifies each one as a real receiver must
 * ({@link WebhookSignatureCheck}) and counts every notification by its idempotency key. {@code ./platform up} starts
 * it; the end-to-end scenario and the chaos run read what arrived from it.
 * <pre>
 *   POST /webhooks/alerts   alerting's webhook channel (201 signed and fresh; 401 otherwise, counted as refused)
 *   GET  /webhooks/alerts   {"received": [{idempotencyKey, fields, firstAt, lastAt, count}], "refused": [...]}
 *   GET  /mail              the same for the mail the SMTP server took in, keyed by the Idempotency-Key header
 *   GET  /health            200
 * </pre>
 * Settings from the environment: {@code TIDELINE_RECEIVERS_PORT} (8089), {@code TIDELINE_RECEIVERS_SMTP_PORT} (2525),
 * {@code TIDELINE_RECEIVERS_WEBHOOK_SECRET} (the local profile's, which is not a secret).
 */
public final class LocalReceivers {

    private static final Settings SETTINGS = new Settings("receivers", "./platform up");

    static final String LOCAL_WEBHOOK_SECRET = "local-alert-webhook-secret-not-secret";

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Received webhooks = new Received();
    private final WebhookSignatureCheck signatures;
    private final Clock clock = Clock.systemUTC();
    private final GreenMail mail;
    private final HttpServer http;

    LocalReceivers(int httpPort, int smtpPort, String webhookSecret) throws IOException {
        this.signatures = new WebhookSignatureCheck(webhookSecret, Duration.ofMinutes(5));
        this.mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 64);
        http.createContext("/webhooks/alerts", this::webhooks);
        http.createContext("/mail", this::mail);
        http.createContext("/health", exchange -> answer(exchange, 200, Map.of("status", "UP")));
        http.setExecutor(Executors.newFixedThreadPool(4));
    }

    public static void main(String[] args) throws IOException {
        int httpPort = SETTINGS.number("TIDELINE_RECEIVERS_PORT", 8089);
        int smtpPort = SETTINGS.number("TIDELINE_RECEIVERS_SMTP_PORT", 2525);
        LocalReceivers receivers = new LocalReceivers(httpPort, smtpPort,
                SETTINGS.text("TIDELINE_RECEIVERS_WEBHOOK_SECRET", LOCAL_WEBHOOK_SECRET));
        receivers.start();
        System.out.printf("receivers up: webhooks http://127.0.0.1:%d/webhooks/alerts, SMTP 127.0.0.1:%d, "
                + "mail read at http://127.0.0.1:%d/mail%n", httpPort, smtpPort, httpPort);
    }

    void start() {
        mail.start();
        http.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "receivers-stop"));
    }

    void stop() {
        http.stop(0);
        mail.stop();
    }

    private void webhooks(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> answer(exchange, 200, webhooks.snapshot());
            case "POST" -> receiveWebhook(exchange);
            default -> answer(exchange, 405, Map.of("detail", "GET or POST"));
        }
    }

    private void receiveWebhook(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        var headers = exchange.getRequestHeaders();
        String refusal = signatures.refusal(headers.getFirst("X-Tideline-Timestamp"),
                headers.getFirst("X-Tideline-Signature"), body, clock.instant());
        String key = headers.getFirst("Idempotency-Key");
        if (refusal == null && key == null) {
            refusal = "Idempotency-Key is required";
        }
        if (refusal != null) {
            webhooks.refuse(refusal);
            answer(exchange, 401, Map.of("detail", refusal));
            return;
        }
        JsonNode payload = json.readTree(body);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : new String[] {"alertId", "ruleId", "kind", "level", "severity", "subject", "title"}) {
            if (payload.hasNonNull(name)) {
                fields.put(name, payload.get(name).asText());
            }
        }
        if (!key.equals(payload.path("idempotencyKey").asText())) {
            webhooks.refuse("the Idempotency-Key header " + key + " differs from the body's idempotencyKey");
        }
        webhooks.accept(key, fields, clock.instant());
        answer(exchange, 201, Map.of("received", key));
    }

    private void mail(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            answer(exchange, 405, Map.of("detail", "GET"));
            return;
        }
        Received received = new Received();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                String key = message.getHeader("Idempotency-Key", null);
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("subject", message.getSubject());
                fields.put("messageId", message.getMessageID());
                fields.put("to", String.join(",", java.util.Arrays.stream(message.getAllRecipients())
                        .map(Object::toString).toList()));
                Instant sent = message.getSentDate() == null ? clock.instant() : message.getSentDate().toInstant();
                if (key == null) {
                    received.refuse("a mail without Idempotency-Key: " + message.getSubject());
                } else {
                    received.accept(key, fields, sent);
                }
            } catch (MessagingException e) {
                received.refuse("an unreadable mail: " + e.getMessage());
            }
        }
        answer(exchange, 200, received.snapshot());
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

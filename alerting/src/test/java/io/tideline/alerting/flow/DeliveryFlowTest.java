package io.tideline.alerting.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tideline.alerting.flow.WebhookReceiver.Received;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.config.SettingChanged;
import io.tideline.messaging.settings.KnownSettings;
import io.tideline.messaging.settings.RuntimeSettings;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TestTokens;
import io.tideline.testing.TidelineTestResources;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alert notifications delivered to real receivers: GreenMail as the SMTP relay, a JDK HttpServer as the webhook
 * receiver that checks signatures on its own. Alerts are raised by price events on the broker, as in production.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = DeliveryStandIns.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeliveryFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicLong IDS = new AtomicLong();

    private static KafkaTestClient kafka;

    @Inject
    RuntimeSettings settings;
    private static DeskEvents desk;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        desk = new DeskEvents(kafka);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    /** An alert raised by a price crossing 100 down, notified to {@code channels}. */
    record Raised(String alertId, String ruleId, String instrument) {

        String key(String channel) {
            return alertId + ":raised:0:" + channel;
        }

        String title() {
            return instrument + " crossed 100 down at 99";
        }
    }

    @Test
    void anEmailArrivesWithTheSeverityInItsSubjectBothBodiesAndItsIdempotencyKey() throws Exception {
        Raised alert = raise("HIGH", List.of("push", "email:desk"));
        String key = alert.key("email:desk");

        List<MimeMessage> messages = await().atMost(WAIT).until(() -> mailsWith(key), m -> m.size() >= 2);
        assertThat(messages).hasSize(2); // one per recipient mailbox
        MimeMessage mail = messages.get(0);
        assertThat(mail.getSubject()).isEqualTo("[HIGH] " + alert.title());
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactlyInAnyOrder(DeliveryStandIns.DESK, DeliveryStandIns.ONCALL);
        assertThat(mail.getFrom()[0].toString()).isEqualTo(DeliveryStandIns.FROM);
        assertThat(mail.getHeader("Idempotency-Key")).containsExactly(key);
        assertThat(mail.getMessageID()).matches("<[0-9a-f]{32}@alerting\\.tideline>");

        MimeMultipart alternative = (MimeMultipart) mail.getContent();
        String text = null;
        String html = null;
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                text = part.getContent().toString();
            } else if (part.isMimeType("text/html")) {
                html = part.getContent().toString();
            }
        }
        assertThat(text).contains("Alert raised", alert.title(), key, alert.alertId()).doesNotContain("<h3>");
        assertThat(html).contains("<h3>" + alert.title() + "</h3>", key);

        JsonPath delivery = await().atMost(WAIT).until(() -> deliveries("alertId", alert.alertId()),
                d -> "DELIVERED".equals(d.getString("[0].state")));
        assertThat(delivery.getList("$")).hasSize(1);
        assertThat(delivery.getString("[0].channel")).isEqualTo("email:desk");
        assertThat(delivery.getString("[0].idempotencyKey")).isEqualTo(key);
        assertThat(delivery.getInt("[0].attempts")).isEqualTo(1);
    }

    @Test
    void aWebhookIsSignedAndRetriedWithTheSameKeyUntilTheReceiverTakesIt() {
        Raised alert = raise("MEDIUM", List.of("push", "webhook:flaky"));
        String key = alert.key("webhook:flaky");

        long id = await().atMost(WAIT).until(() -> deliveries("alertId", alert.alertId()),
                d -> "DELIVERED".equals(d.getString("[0].state"))).getLong("[0].id");
        List<Received> got = received("/hooks/flaky", key);
        assertThat(got).hasSize(3);
        assertThat(got).allMatch(Received::signatureValid, "signed with the channel's secret, fresh timestamp");
        assertThat(got).extracting(Received::contentType).containsOnly("application/json");
        assertThat(got).extracting(Received::body).containsOnly(got.get(0).body());
        JsonPath body = JsonPath.from(got.get(0).body());
        assertThat(body.getString("alertId")).isEqualTo(alert.alertId());
        assertThat(body.getString("ruleId")).isEqualTo(alert.ruleId());
        assertThat(body.getString("kind")).isEqualTo("RAISED");
        assertThat(body.getInt("level")).isZero();
        assertThat(body.getString("severity")).isEqualTo("MEDIUM");
        assertThat(body.getString("subject")).isEqualTo(alert.instrument());
        assertThat(body.getString("title")).isEqualTo(alert.title());
        assertThat(body.getString("idempotencyKey")).isEqualTo(key);
        assertThat(Instant.parse(body.getString("at"))).isBefore(Instant.now());

        JsonPath detail = given().get("/api/v1/deliveries/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("attempts.outcome")).containsExactly("RETRYABLE", "RETRYABLE", "DELIVERED");
        assertThat(detail.getList("attempts.status", Integer.class)).containsExactly(503, 503, 200);
        assertThat(detail.getList("attempts.attempt", Integer.class)).containsExactly(1, 2, 3);
        assertThat(detail.getString("delivery.state")).isEqualTo("DELIVERED");
        assertThat(detail.getString("notification.title")).isEqualTo(alert.title());
    }

    @Test
    void aDeadEndpointOpensItsBreakerWhileAnotherChannelStillDelivers() throws InterruptedException {
        Raised first = raise("LOW", List.of("webhook:dead", "webhook:ops"));
        JsonPath dead = await().atMost(WAIT).until(() -> channel("webhook:dead"),
                c -> "OPEN".equals(c.getString("breaker")));
        int sentToDead = DeliveryStandIns.hooks.received("/hooks/dead").size();
        assertThat(sentToDead).as("4 failures in the window open it").isEqualTo(4);
        Instant opened = Instant.parse(dead.getString("breakerOpenedAt"));
        assertThat(received("/hooks/ops", first.key("webhook:ops"))).hasSize(1);

        Raised second = raise("LOW", List.of("webhook:dead", "webhook:ops"));
        await().atMost(WAIT).until(() -> received("/hooks/ops", second.key("webhook:ops")).size() == 1);
        JsonPath deliveries = deliveries("alertId", second.alertId());
        assertThat(state(deliveries, "webhook:ops")).isEqualTo("DELIVERED");
        assertThat(state(deliveries, "webhook:dead")).isEqualTo("PENDING");

        // while open (4 s in tests) the dead endpoint is not called at all
        long beforeTrial = Duration.between(Instant.now(), opened.plusMillis(3_500)).toMillis();
        if (beforeTrial > 0) {
            Thread.sleep(beforeTrial);
        }
        assertThat(DeliveryStandIns.hooks.received("/hooks/dead")).hasSize(sentToDead);
        assertThat(channel("webhook:dead").getString("breaker")).isEqualTo("OPEN");
        assertThat(channel("webhook:ops").getString("breaker")).isEqualTo("CLOSED");
        assertThat(channel("webhook:ops").getLong("delivered")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void whileDeliveryIsPausedNothingGoesOutAndAllOfItGoesOutAfter() throws InterruptedException {
        Raised alert;
        try {
            pauseDelivery("true");
            alert = raise("LOW", List.of("webhook:ops"));
            JsonPath held = await().atMost(WAIT).until(() -> deliveries("alertId", alert.alertId()),
                    d -> !d.getList("$").isEmpty());
            Thread.sleep(1_500); // many lane polls (100 ms in tests)
            assertThat(received("/hooks/ops", alert.key("webhook:ops"))).isEmpty();
            assertThat(deliveries("alertId", alert.alertId()).getString("[0].state")).isEqualTo("PENDING");
            assertThat(deliveries("alertId", alert.alertId()).getInt("[0].attempts")).isZero();
            assertThat(held.getString("[0].channel")).isEqualTo("webhook:ops");
        } finally {
            pauseDelivery(null);
        }
        await().atMost(WAIT).until(() -> received("/hooks/ops", alert.key("webhook:ops")).size() == 1);
    }

    @Test
    void aRefusalIsFinalAfterOneAttempt() {
        Raised alert = raise("LOW", List.of("webhook:strict"));
        long id = await().atMost(WAIT).until(() -> deliveries("alertId", alert.alertId()),
                d -> "FAILED".equals(d.getString("[0].state"))).getLong("[0].id");
        JsonPath detail = given().get("/api/v1/deliveries/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getInt("delivery.lastStatus")).isEqualTo(400);
        assertThat(detail.getList("attempts.outcome")).containsExactly("REJECTED");
        assertThat(received("/hooks/strict", alert.key("webhook:strict"))).hasSize(1);
        assertThat(deliveries("state", "FAILED").getList("id", Long.class)).contains(id);
    }

    /**
     * The receiver refused the notification (400: final), then was fixed: a trader sends the FAILED delivery again and
     * it arrives under the same key, with both attempts and who asked on record. Only a FAILED one can be re-sent.
     */
    @Test
    void aFailedDeliveryIsSentAgainOnRequestUnderTheSameKey() {
        Raised alert = raise("LOW", List.of("webhook:mended"));
        String key = alert.key("webhook:mended");
        long id = await().atMost(WAIT).until(() -> deliveries("alertId", alert.alertId()),
                d -> "FAILED".equals(d.getString("[0].state"))).getLong("[0].id");

        given().header("Authorization", TestTokens.bearer("viewer")).post("/api/v1/deliveries/" + id + "/resend")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("trader")).post("/api/v1/deliveries/" + id + "/resend")
                .then().statusCode(200).body("state", equalTo("PENDING")).body("resentBy", notNullValue());

        await().atMost(WAIT).until(() -> deliveries("alertId", alert.alertId()),
                d -> "DELIVERED".equals(d.getString("[0].state")));
        List<Received> got = received("/hooks/mended", key);
        assertThat(got).hasSize(2);
        assertThat(got).allMatch(Received::signatureValid);
        JsonPath detail = given().get("/api/v1/deliveries/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("attempts.outcome")).containsExactly("REJECTED", "DELIVERED");
        assertThat(detail.getList("attempts.attempt", Integer.class)).containsExactly(1, 2);
        assertThat(detail.getString("delivery.resentAt")).isNotNull();

        given().post("/api/v1/deliveries/" + id + "/resend").then().statusCode(409)
                .body("detail", containsString("DELIVERED"));
        given().post("/api/v1/deliveries/999999999/resend").then().statusCode(404);
        given().post("/api/v1/deliveries/x/resend").then().statusCode(400);
    }

    @Test
    void overItsRateLimitANotificationIsSuppressedAndCounted() {
        Raised allowed = raise("LOW", List.of("webhook:tight"));
        await().atMost(WAIT).until(() -> received("/hooks/tight", allowed.key("webhook:tight")).size() == 1);
        Raised over = raise("LOW", List.of("webhook:tight"));

        JsonPath held = await().atMost(WAIT).until(() -> deliveries("alertId", over.alertId()),
                d -> !d.getList("$").isEmpty());
        assertThat(held.getString("[0].state")).isEqualTo("SUPPRESSED");
        JsonPath tight = channel("webhook:tight");
        assertThat(tight.getLong("suppressed")).isEqualTo(1);
        assertThat(tight.getLong("delivered")).isEqualTo(1);
        assertThat(tight.getInt("rateLimit.capacity")).isEqualTo(1);
        assertThat(received("/hooks/tight", over.key("webhook:tight"))).isEmpty();
    }

    @Test
    void resolvingAnAlertSendsItsResolutionUnderItsOwnKey() {
        Raised alert = raise("HIGH", List.of("push", "webhook:ops"));
        await().atMost(WAIT).until(() -> received("/hooks/ops", alert.key("webhook:ops")).size() == 1);
        given().contentType(ContentType.JSON).body(Map.of("note", "handled")).post("/api/v1/alerts/"
                + alert.alertId() + "/resolve").then().statusCode(200);

        String resolvedKey = alert.alertId() + ":resolved:0:webhook:ops";
        List<Received> resolved = await().atMost(WAIT).until(() -> received("/hooks/ops", resolvedKey),
                r -> r.size() == 1);
        JsonPath body = JsonPath.from(resolved.get(0).body());
        assertThat(body.getString("kind")).isEqualTo("RESOLVED");
        assertThat(body.getString("detail")).isEqualTo("handled");
        assertThat(resolved.get(0).signatureValid()).isTrue();
    }

    @Test
    void channelsShowTheirTargetsWithoutSecrets() {
        String body = given().get("/api/v1/channels").then().statusCode(200).extract().asString();
        for (String secret : List.of(DeliveryStandIns.OPS_SECRET, DeliveryStandIns.FLAKY_SECRET,
                DeliveryStandIns.DEAD_SECRET, DeliveryStandIns.STRICT_SECRET, DeliveryStandIns.TIGHT_SECRET,
                DeliveryStandIns.MENDED_SECRET, "query-secret")) {
            assertThat(body).doesNotContain(secret);
        }
        JsonPath channels = JsonPath.from(body);
        assertThat(channels.getList("name")).containsExactly("email:desk", "webhook:dead", "webhook:flaky",
                "webhook:mended", "webhook:ops", "webhook:strict", "webhook:tight");
        JsonPath ops = channel("webhook:ops");
        assertThat(ops.getString("type")).isEqualTo("WEBHOOK");
        assertThat(ops.getString("target")).isEqualTo(DeliveryStandIns.hooks.url("/hooks/ops") + "?***");
        assertThat(channel("email:desk").getString("target")).isEqualTo(DeliveryStandIns.DESK + ", "
                + DeliveryStandIns.ONCALL);
    }

    @Test
    void aRuleMayNameOnlyConfiguredChannels() {
        given().contentType(ContentType.JSON).body(Map.of("name", "nowhere", "kind", "STOP_LOSS", "severity", "LOW",
                "channels", List.of("push", "webhook:nowhere"))).post("/api/v1/alert-rules").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("channels[1]"));
    }

    @Test
    void theListFiltersByChannelAndStateAndPagesBackwards() {
        raise("LOW", List.of("webhook:ops"));
        raise("LOW", List.of("webhook:ops"));
        await().atMost(WAIT).until(() -> deliveries("channel", "webhook:ops").getList("$").size() >= 2);
        List<Long> page1 = given().queryParam("channel", "webhook:ops").queryParam("limit", 1)
                .get("/api/v1/deliveries").then().statusCode(200).extract().jsonPath().getList("id", Long.class);
        assertThat(page1).hasSize(1);
        List<Long> page2 = given().queryParam("channel", "webhook:ops").queryParam("limit", 1)
                .queryParam("before", page1.get(0)).get("/api/v1/deliveries").then().statusCode(200).extract()
                .jsonPath().getList("id", Long.class);
        assertThat(page2).hasSize(1);
        assertThat(page2.get(0)).isLessThan(page1.get(0));
        assertThat(deliveries("channel", "webhook:ops").getList("channel")).containsOnly("webhook:ops");
        given().queryParam("state", "SENT").get("/api/v1/deliveries").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("state"));
        given().get("/api/v1/deliveries/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    // --- helpers

    /**
     * Sets {@code alerting.delivery.paused} as the gateway does (a SettingChanged on the config topic; null: back to the
     * default) and waits until this service has read it.
     */
    private void pauseDelivery(String value) {
        String key = KnownSettings.ALERTING_DELIVERY_PAUSED.key();
        kafka.send(Topics.CONFIG.name(), key, new EventEnvelopeCodec().encode(EventEnvelope.of("gateway", key, null,
                new SettingChanged(key, value, null, "delivery-flow-test", Instant.now()))));
        boolean paused = "true".equals(value);
        await().atMost(WAIT).until(() -> settings.flag(KnownSettings.ALERTING_DELIVERY_PAUSED) == paused);
    }

    private static Raised raise(String severity, List<String> channels) {
        String instrument = "DLV" + IDS.incrementAndGet() + "-USD";
        String rule = AlertsFromEventsTest.rule(Map.of("name", "delivery " + instrument, "kind", "PRICE_CROSSES",
                "severity", severity, "channels", channels,
                "params", Map.of("instrument", instrument, "level", "100", "direction", "DOWN")));
        desk.price(instrument, "105");
        desk.price(instrument, "99");
        String alertId = AlertsFromEventsTest.awaitAlert(rule, "OPEN").getString("[0].alertId");
        return new Raised(alertId, rule, instrument);
    }

    private static JsonPath deliveries(String filter, String value) {
        return given().queryParam(filter, value).get("/api/v1/deliveries").then().statusCode(200).extract()
                .jsonPath();
    }

    private static String state(JsonPath deliveries, String channel) {
        List<Map<String, Object>> all = deliveries.getList("$");
        return all.stream().filter(d -> channel.equals(d.get("channel"))).map(d -> (String) d.get("state"))
                .findFirst().orElseThrow(() -> new AssertionError("no delivery to " + channel));
    }

    private static JsonPath channel(String name) {
        List<Map<String, Object>> all = given().get("/api/v1/channels").then().statusCode(200).extract().jsonPath()
                .getList("$");
        Map<String, Object> one = all.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no channel " + name));
        return JsonPath.from(io.tideline.events.EventJson.mapper().valueToTree(one).toString());
    }

    private static List<Received> received(String path, String key) {
        return DeliveryStandIns.hooks.received(path).stream().filter(r -> key.equals(r.idempotencyKey())).toList();
    }

    private static List<MimeMessage> mailsWith(String key) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : DeliveryStandIns.mail.getReceivedMessages()) {
            String[] keys = m.getHeader("Idempotency-Key");
            if (keys != null && Arrays.asList(keys).contains(key)) {
                found.add(m);
            }
        }
        return found;
    }
}

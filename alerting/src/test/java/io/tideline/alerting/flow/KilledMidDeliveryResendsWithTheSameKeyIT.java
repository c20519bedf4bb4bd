package io.tideline.alerting.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.tideline.alerting.flow.WebhookReceiver.Received;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.ServiceProcess;
import io.tideline.testing.TestDatabase;
import io.tideline.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged alerting service is killed (SIGKILL) while a webhook it sends is in flight, and started again: every
 * notification reaches the receiver, each alert under one key only (the one resent carries the key it was first sent
 * with), and the attempt the dead process never recorded shows as ABANDONED.
 */
class KilledMidDeliveryResendsWithTheSameKeyIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String SECRET = "crash-secret-0123456789";
    private static final String PATH = "/hooks/crash";
    private static final int ALERTS = 5;

    private TestDatabase database;
    private WebhookReceiver receiver;

    @BeforeEach
    void standIn() {
        database = TestDatabase.create();
        // each answer takes 1.5 s, so that the kill lands while one is in flight
        receiver = WebhookReceiver.start().route(PATH, SECRET, Duration.ofMillis(1_500), (key, nth) -> 200);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        database.drop();
    }

    @Test
    void everyNotificationArrivesUnderOneKeyAcrossAKill() {
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        List<String> instruments = java.util.stream.IntStream.range(0, ALERTS).mapToObj(i -> "KIL" + tag + i + "-USD")
                .toList();
        try (KafkaTestClient kafka = new KafkaTestClient(TestKafka.bootstrapServers())) {
            DeskEvents desk = new DeskEvents(kafka);
            try (ServiceProcess first = ServiceProcess.start(env())) {
                await().atMost(START).until(() -> first.status("/q/health/ready") == 200 || !first.isAlive());
                assertThat(first.isAlive()).as(first.output()).isTrue();
                for (String instrument : instruments) {
                    var created = first.post("/api/v1/alert-rules", Map.of("Content-Type", "application/json"),
                            ("{\"name\":\"crash " + instrument + "\",\"kind\":\"PRICE_CROSSES\",\"severity\":\"HIGH\","
                            + "\"channels\":[\"webhook:crash\"],\"params\":{\"instrument\":\"" + instrument
                            + "\",\"level\":\"100\",\"direction\":\"DOWN\"}}").getBytes(StandardCharsets.UTF_8));
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                }
                for (String instrument : instruments) {
                    desk.price(instrument, "105");
                    desk.price(instrument, "99");
                }
                // the second webhook has arrived and waits for its answer: kill now
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received(PATH).size() >= 2);
                first.kill();
            }
            int beforeRestart = receiver.received(PATH).size();
            assertThat(beforeRestart).as("the kill landed before every webhook was sent").isLessThan(ALERTS + 1);

            try (ServiceProcess second = ServiceProcess.start(env())) {
                await().atMost(START).until(() -> second.status("/q/health/ready") == 200 || !second.isAlive());
                await().atMost(Duration.ofSeconds(90)).until(() -> keys().size() == ALERTS);
                JsonPath deliveries = await().atMost(Duration.ofSeconds(30)).until(
                        () -> JsonPath.from(second.body("/api/v1/deliveries?channel=webhook:crash")),
                        d -> d.getList("$").size() == ALERTS && d.getList("state").stream()
                                .allMatch("DELIVERED"::equals));
                List<Received> all = receiver.received(PATH);
                assertThat(all).allMatch(Received::signatureValid);
                Map<String, Set<String>> keysByAlert = all.stream().collect(Collectors.groupingBy(
                        r -> JsonPath.from(r.body()).getString("alertId"),
                        Collectors.mapping(Received::idempotencyKey, Collectors.toSet())));
                assertThat(keysByAlert).hasSize(ALERTS);
                assertThat(keysByAlert.values()).allMatch(k -> k.size() == 1, "one key per alert");
                assertThat(all.size()).as("at most the one in flight is sent twice").isBetween(ALERTS, ALERTS + 1);
                boolean abandoned = false;
                for (Object id : deliveries.getList("id")) {
                    abandoned |= JsonPath.from(second.body("/api/v1/deliveries/" + id)).getList("attempts.outcome")
                            .contains("ABANDONED");
                }
                assertThat(abandoned).as("the attempt the killed process never recorded").isTrue();
            }
        }
    }

    private Set<String> keys() {
        return new HashSet<>(receiver.received(PATH).stream().map(Received::idempotencyKey).toList());
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(database.serviceEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("TIDELINE_ALERTING_CHANNELS_CRASH_TYPE", "webhook");
        env.put("TIDELINE_ALERTING_CHANNELS_CRASH_URL", receiver.url(PATH));
        env.put("TIDELINE_ALERTING_CHANNELS_CRASH_SECRET", SECRET);
        env.put("TIDELINE_ALERTING_CHANNELS_CRASH_TIMEOUT", "5s");
        env.put("TIDELINE_ALERTING_DELIVERY_LEASE", "1s");
        env.put("TIDELINE_ALERTING_DELIVERY_POLL_INTERVAL", "200ms");
        env.put("TIDELINE_ALERTING_DELIVERY_BACKOFF_BASE", "200ms");
        env.put("TIDELINE_ALERTING_DELIVERY_BACKOFF_MAX", "1s");
        return env;
    }
}

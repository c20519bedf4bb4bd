package io.tideline.gateway.dashboard;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.config.SettingChanged;
import io.tideline.messaging.kafka.Headers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in headless Chromium (Debian's, driven by playwright-core: ui/browser/dashboard.browser.mjs) against
 * this gateway, with its own auth and routing, in front of {@link DashboardStandIn} for the services. The script logs
 * in through the dev login, checks each view's numbers, the live alert and its acknowledgement, runs axe-core on each
 * view in both themes and saves screenshots under target/dashboard-screenshots. The script answers
 * {@code /api/v1/stream} in the browser with the events it announces (the stand-in changes its data, then the script
 * announces the event that says so), so each view's live update is seen without Kafka. The admin page reads the
 * gateway's real operations API: this test puts letters on config.dlq, makes a platform consumer group 3 records
 * behind, and counts each dead-letter topic's depth with its own consumer for the script to compare.
 */
@QuarkusTest
@WithTestResource(value = DashboardTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void theDeskSeesItsNumbersAndAcknowledgesALiveAlertInARealBrowser() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install -y chromium; ./platform test installs it)")
                .exists();
        assertThat(Path.of("ui/node_modules/playwright-core")).as("the dashboard's npm packages (the build's npm ci)")
                .exists();
        Path screenshots = Path.of("target/dashboard-screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);
        try (var old = Files.list(screenshots)) {
            for (Path file : old.toList()) {
                Files.delete(file); // a screenshot left by an earlier run must not pass for this one's
            }
        }
        // for the admin page: letters on config.dlq (a replay lands on config, whose readers ignore these keys), a
        // platform consumer group 3 behind on it, and every dead-letter topic's depth as this test counts it
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String letterKey = "test.dashboard-" + run;
        deadLetter(bootstrap, letterKey + "-1", true);
        deadLetter(bootstrap, letterKey + "-2", false);
        deadLetter(bootstrap, letterKey + "-3", false);
        String lagGroup = "alerting.dashboard-" + run;
        commitBehindEnd(bootstrap, lagGroup, 3);
        Map<String, Long> depths = deadLetterDepths(bootstrap);
        Path log = screenshots.resolve("browser-test.log");
        ProcessBuilder builder = new ProcessBuilder("node", "browser/dashboard.browser.mjs")
                .directory(Path.of("ui").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DASHBOARD_URL", gateway.toString().replaceAll("/$", ""));
        builder.environment().put("STAND_IN_URL",
                ConfigProvider.getConfig().getValue(DashboardTestResources.STAND_IN_URL, String.class));
        builder.environment().put("SCREENSHOT_DIR", screenshots.toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        builder.environment().put("DASHBOARD_LETTER_KEY", letterKey);
        builder.environment().put("DASHBOARD_LAG_GROUP", lagGroup);
        builder.environment().put("DASHBOARD_DLQ_DEPTHS", depths.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).reduce((a, b) -> a + "," + b)
                .map(j -> "{" + j + "}").orElse("{}"));
        Process browser = builder.start();
        boolean finished = browser.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            browser.destroyForcibly();
        }
        String output = read(log);
        System.out.println(output);
        assertThat(finished).as("the browser test finished in 300 s:\n%s", output).isTrue();
        assertThat(browser.exitValue()).as("the browser test's exit code:\n%s", output).isZero();
        for (String view : new String[] {"login", "portfolio-dark", "portfolio-light", "lp-positions", "lp-position",
                "hedges",
                "pm-leaderboard", "pm-trader-modal", "arbitrage", "settlement", "reports", "backtests", "admin",
                "alerts"}) {
            assertThat(screenshots.resolve(view + ".png")).as("screenshot of " + view).exists();
        }
    }

    /** A letter on config.dlq with the headers a consumer's dead-lettering writes; an event or bytes that are none. */
    private static void deadLetter(String bootstrap, String key, boolean event) throws Exception {
        byte[] value = event
                ? new EventEnvelopeCodec().encode(EventEnvelope.of("gateway", key, null,
                        new SettingChanged(key, "true", null, "someone", Instant.now())))
                : "not an event".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>("config.dlq", key, value);
            record.headers().add(Headers.DLQ_REASON, (event ? "handler failed" : "undecodable")
                    .getBytes(StandardCharsets.UTF_8));
            record.headers().add(Headers.DLQ_CONSUMER, "alerting.settings".getBytes(StandardCharsets.UTF_8));
            record.headers().add(Headers.DLQ_SOURCE_TOPIC, "config".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    /** Makes {@code group} a consumer group of config.dlq that has committed {@code behind} records before its end. */
    private static void commitBehindEnd(String bootstrap, String group, int behind) {
        TopicPartition tp = new TopicPartition("config.dlq", 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
            consumer.assign(List.of(tp));
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(end - behind)));
        }
    }

    /** Each dead-letter topic's records (end minus beginning offsets of its partitions), counted here, not by it. */
    private static Map<String, Long> deadLetterDepths(String bootstrap) {
        Map<String, Long> depths = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            for (var topic : Topics.all()) {
                if (!topic.isDeadLetter()) {
                    continue;
                }
                List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                depths.put(topic.name(), partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum());
            }
        }
        return depths;
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
    }
}

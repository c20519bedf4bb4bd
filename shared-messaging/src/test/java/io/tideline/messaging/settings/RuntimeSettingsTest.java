package io.tideline.messaging.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.Topics;
import io.tideline.events.config.SettingChanged;
import io.tideline.messaging.MessagingConfig;
import io.tideline.messaging.kafka.KafkaClientFactory;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TidelineTestResources;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The services' side of runtime settings against the real broker: the {@code config} topic is read from its
 * beginning and followed. Keys are made per test (never a real setting's key: the broker outlives the test run, and
 * the other modules' tests read the same topic).
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RuntimeSettingsTest {

    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    RuntimeSettings settings;

    @Inject
    KafkaClientFactory clients;

    @Inject
    MessagingConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void followsTheGatewaysChangesAndFallsBackToTheDefault() {
        Setting paused = Setting.flag("test." + UUID.randomUUID() + ".paused", false, "a test flag");
        Setting limit = Setting.integer("test." + UUID.randomUUID() + ".limit", 50, 1, 100, "a test number");
        assertThat(settings.flag(paused)).isFalse();
        assertThat(settings.integer(limit)).isEqualTo(50);

        broadcast("gateway", paused.key(), "true");
        broadcast("gateway", limit.key(), "75");
        await().atMost(WAIT).until(() -> settings.flag(paused) && settings.integer(limit) == 75);

        broadcast("gateway", paused.key(), null);
        await().atMost(WAIT).until(() -> !settings.flag(paused));
        assertThat(settings.explicit(paused.key())).isEmpty();
        assertThat(settings.integer(limit)).isEqualTo(75);
    }

    @Test
    void ignoresChangesFromAnyoneButTheGatewayAndValuesOutOfBounds() {
        Setting limit = Setting.integer("test." + UUID.randomUUID() + ".limit", 50, 1, 100, "a test number");
        Setting marker = Setting.flag("test." + UUID.randomUUID() + ".marker", false, "read after the others");
        broadcast("gateway", limit.key(), "1000");
        broadcast("alerting", limit.key(), "60");
        broadcast("gateway", marker.key(), "true");
        await().atMost(WAIT).until(() -> settings.flag(marker));
        assertThat(settings.explicit(limit.key())).as("the gateway's value, not the later one of alerting")
                .hasValue("1000");
        assertThat(settings.integer(limit)).as("but out of bounds reads as the default").isEqualTo(50);
    }

    @Test
    void anInstanceStartedLaterReadsTheWholeHistory() {
        Setting paused = Setting.flag("test." + UUID.randomUUID() + ".paused", false, "a test flag");
        broadcast("gateway", paused.key(), "true");
        await().atMost(WAIT).until(() -> settings.flag(paused));

        RuntimeSettings later = new RuntimeSettings(clients, config);
        assertThat(later.flag(paused)).as("before it has read anything").isFalse();
        later.start();
        try {
            await().atMost(WAIT).until(() -> later.flag(paused));
        } finally {
            later.stop();
        }
    }

    private void broadcast(String source, String key, String value) {
        EventEnvelope<SettingChanged> event = EventEnvelope.of(source, key, null,
                new SettingChanged(key, value, null, "test-admin", Instant.now()));
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            kafka.send(Topics.CONFIG.name(), key, CODEC.encode(event));
        }
    }
}

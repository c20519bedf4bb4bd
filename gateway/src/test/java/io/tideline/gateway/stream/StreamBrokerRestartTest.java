package io.tideline.gateway.stream;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.gateway.stream.TestEvents.Sent;
import io.tideline.testing.EmbeddedKafkaBroker;
import io.tideline.testing.StoppableBrokerResources;
import io.tideline.testing.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes down under a connected stream client and comes back (a broker of this test's own, on the same ports
 * with the same data): the stream goes on, and an event published after the restart reaches the client. The
 * end-to-end chaos run found the stream's SmallRye consumer group revoked at a restart after {@code kill -9} and never
 * assigned its partitions again (docs/adr/0005). This test stops the broker in order ({@link EmbeddedKafkaBroker#stop}
 * is a controlled shutdown, not a kill): the old SmallRye channel passed it too, so it guards the plain consumer's
 * recovery rather than reproducing the kill; {@code ./platform chaos} is what kills the broker.
 */
@QuarkusTest
@WithTestResource(value = StreamBrokerRestartTest.OwnBroker.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StreamBrokerRestartTest {

    /** As long as the chaos run's broker was away. */
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration BOUND = Duration.ofSeconds(60);

    /** The test's own broker and database; every upstream down (the stream needs none). */
    public static class OwnBroker extends StoppableBrokerResources {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            String nowhere = "http://127.0.0.1:" + closedPort();
            for (String name : new String[] {"lp-tracker", "perp-hedger", "pnl-ingest", "settlement", "analytics",
                    "alerting"}) {
                config.put("tideline.gateway.upstreams." + name + ".url", nowhere);
            }
            config.put("tideline.gateway.caller-token.signing-key-location", TestTokens.signingKeyFile().toString());
            return config;
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void brokerBack() {
        broker().restart();
    }

    @Test
    void aClientGetsTheEventsPublishedAfterTheBrokerWasStoppedAndStartedAgain() throws Exception {
        try (TestEvents kafka = new TestEvents(bootstrap);
                SseTestClient client = SseTestClient.open(base, "topic=mm.settlement", "Authorization",
                        TestTokens.bearer("viewer"))) {
            assertThat(client.status()).isEqualTo(200);
            List<Sent> before = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                before.add(kafka.send(TestEvents.sessionSettled("s-before")));
                return !client.events().isEmpty();
            });

            broker().stop();
            Thread.sleep(OUTAGE.toMillis());
            broker().restart();

            List<Sent> after = new ArrayList<>();
            long restarted = System.nanoTime();
            await().atMost(BOUND).pollInterval(Duration.ofSeconds(1)).until(() -> {
                after.add(kafka.send(TestEvents.sessionSettled("s-after")));
                return after.stream().anyMatch(s -> !client.eventsWith(s.eventId()).isEmpty());
            });
            System.out.printf("stream: first event after the broker restart reached the client in %d ms%n",
                    Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        }
    }

    private static EmbeddedKafkaBroker broker() {
        return StoppableBrokerResources.broker();
    }
}

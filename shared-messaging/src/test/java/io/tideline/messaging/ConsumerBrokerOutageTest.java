package io.tideline.messaging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.Topics;
import io.tideline.messaging.consumer.ConsumerStatus;
import io.tideline.messaging.consumer.EventConsumers;
import io.tideline.messaging.tx.Transactions;
import io.tideline.testing.EmbeddedKafkaBroker;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.StoppableBrokerResources;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away under a consumer in the middle of a batch (a broker of the test's own, not the one the other
 * tests share): for a few seconds or past the Kafka clients' timeouts, the consumer waits it out on the same thread,
 * stays live, and applies every event once, in order per key, dead-lettering nothing.
 */
@QuarkusTest
@WithTestResource(value = ConsumerBrokerOutageTest.OwnBroker.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsumerBrokerOutageTest {

    private static final String GROUP = "messaging-test.price-ledger";
    private static final Duration LONG = Duration.ofMinutes(3);

    /** The test's own broker; a back-off long enough to be seen, as RECOVERING lasts while the consumer waits it. */
    public static class OwnBroker extends StoppableBrokerResources {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("tideline.messaging.consumer.initial-backoff", "3s");
            config.put("tideline.messaging.consumer.max-backoff", "3s");
            return config;
        }
    }

    @Inject
    EventConsumers consumers;

    @Inject
    Transactions transactions;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void brokerBackAndNoHoldLeft() {
        PriceLedger.HOLDS.clear();
        broker().restart();
    }

    @Test
    void appliesEveryEventOnceWhenTheBrokerStopsMidBatchForSeveralSeconds() throws Exception {
        PriceStream stream = new PriceStream(4, 30);

        Outage outage = outageMidBatch(stream, () -> {
            sleep(Duration.ofSeconds(6));
            return status();
        });

        assertAppliedOnceInOrderOnTheSameLiveThread(stream, outage);
    }

    @Test
    void keepsConsumingOnTheSameThreadWhenTheBrokerStaysAwayPastTheClientsTimeouts() throws Exception {
        PriceStream stream = new PriceStream(4, 30);

        // The batch is applied and its offsets committed without waiting; the commit cannot reach the broker. The
        // consumer keeps polling an absent broker past its clients' 60 s timeouts, on the same thread, and neither
        // dies nor applies anything twice when the broker is back (the uncommitted records come again and are dropped
        // by their claims).
        Outage outage = outageMidBatch(stream, () -> {
            sleep(Duration.ofSeconds(65));
            return status();
        });

        assertThat(outage.statusWhileDown().state()).isEqualTo("RUNNING");
        assertAppliedOnceInOrderOnTheSameLiveThread(stream, outage);
    }

    @Test
    void commitsTheOffsetsOfABatchAppliedWhileTheBrokerWasAwayThoughNothingArrivesAfterIt() throws Exception {
        PriceStream stream = new PriceStream(2, 5);
        int last = stream.size() - 1;
        await().atMost(LONG).until(() -> status().state().equals("RUNNING"));
        HeldEvent held;
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap);
             ConsumerGroupProbe group = new ConsumerGroupProbe(bootstrap, GROUP)) {
            stream.send(kafka, 0, last);
            await().atMost(LONG).until(() -> stream.appliedCount(transactions) >= last);
            await().atMost(LONG).until(() -> group.committedToTheEndOf(Topics.MARKET_PRICES.name()));
            held = HeldEvent.at(stream, last);
            stream.send(kafka, last, stream.size());
            held.awaitReached();
        }

        // The stream's last record is applied while the broker is away, so its offset commit fails, and no new record
        // comes after it: the group's offsets still reach the end once the broker is back (the commit made again, or a
        // redelivery after the group rejoined, which the claims drop; which one depends on the broker's restart).
        broker().stop();
        held.release();
        sleep(Duration.ofSeconds(6));
        broker().restart();

        try (ConsumerGroupProbe group = new ConsumerGroupProbe(bootstrap, GROUP)) {
            await().atMost(LONG).until(() -> group.committedToTheEndOf(Topics.MARKET_PRICES.name()));
        }
        assertThat(stream.applied(transactions)).isEqualTo(stream.expected());
        assertThat(status().state()).isEqualTo("RUNNING");
    }

    /**
     * Sends the stream, holds the consumer in the middle of it, stops the broker, lets the batch go on, runs
     * {@code whileDown} (which answers the consumer's status then), starts the broker again and waits until the group
     * has committed everything.
     */
    private Outage outageMidBatch(PriceStream stream, Supplier<ConsumerStatus> whileDown)
            throws InterruptedException {
        await().atMost(LONG).until(() -> status().state().equals("RUNNING"));
        HeldEvent held = HeldEvent.at(stream, stream.size() / 2);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            stream.send(kafka, 0, stream.size());
        }
        held.awaitReached();

        LivenessSampler liveness = LivenessSampler.start();
        broker().stop();
        held.release();
        ConsumerStatus statusWhileDown = whileDown.get();
        broker().restart();

        await().atMost(LONG).until(() -> stream.appliedCount(transactions) >= stream.size());
        try (ConsumerGroupProbe group = new ConsumerGroupProbe(bootstrap, GROUP)) {
            await().atMost(LONG).until(() -> group.committedToTheEndOf(Topics.MARKET_PRICES.name()));
        }
        return new Outage(held.thread(), statusWhileDown, liveness.stop());
    }

    private void assertAppliedOnceInOrderOnTheSameLiveThread(PriceStream stream, Outage outage) {
        assertThat(stream.applied(transactions)).isEqualTo(stream.expected());

        // a later event is applied by the thread that applied the batch before the outage
        assertThat(PriceStream.threadApplyingTheNextEvent(bootstrap, transactions)).isSameAs(outage.consumerThread());
        assertThat(outage.consumerThread().isAlive()).isTrue();

        ConsumerStatus status = status();
        assertThat(status.state()).isEqualTo("RUNNING");
        assertThat(status.deadLettered()).isZero();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            assertThat(kafka.read(Topics.deadLetterOf(Topics.MARKET_PRICES.name()), r -> true, 1,
                    Duration.ofSeconds(5))).isEmpty();
        }
        assertThat(outage.liveness()).isNotEmpty().containsOnly(200);
    }

    private ConsumerStatus status() {
        return consumers.statuses().stream().filter(s -> s.consumer().equals(GROUP)).findFirst().orElseThrow();
    }

    private static EmbeddedKafkaBroker broker() {
        return StoppableBrokerResources.broker();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The thread that applied the held batch, the status while the broker was down, the liveness answers. */
    private record Outage(Thread consumerThread, ConsumerStatus statusWhileDown, List<Integer> liveness) {
    }
}

package io.tideline.messaging;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.Topics;
import io.tideline.messaging.consumer.ConsumerStatus;
import io.tideline.messaging.consumer.EventConsumers;
import io.tideline.messaging.tx.Transactions;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TidelineTestResources;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer's group rebalances while it is in the middle of a batch: a second consumer joins and leaves, or an
 * operator removes the consumer from its group so that its commit is refused. Either way every event is applied once,
 * in order per key, nothing is dead-lettered, and the same thread goes on consuming.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsumerRebalanceTest {

    private static final String GROUP = "messaging-test.price-ledger";
    private static final String TOPIC = Topics.MARKET_PRICES.name();
    private static final Duration LONG = Duration.ofMinutes(3);

    @Inject
    EventConsumers consumers;

    @Inject
    Transactions transactions;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void noHoldLeft() {
        PriceLedger.HOLDS.clear();
    }

    @Test
    void appliesEveryEventOnceInOrderWhileASecondConsumerJoinsAndLeavesTheGroupMidBatch() throws Exception {
        PriceStream stream = new PriceStream(4, 60);
        long deadLetteredBefore = runningStatus().deadLettered();
        HeldEvent held = HeldEvent.at(stream, 60);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap);
             ConsumerGroupProbe group = new ConsumerGroupProbe(bootstrap, GROUP)) {
            stream.send(kafka, 0, 120);
            held.awaitReached();

            try (SecondGroupMember second = SecondGroupMember.join(bootstrap, GROUP, TOPIC)) {
                // the group waits for the consumer, which is still applying its batch
                await().atMost(LONG).until(group::state, GroupState.PREPARING_REBALANCE::equals);
                held.release();
                await().atMost(LONG).until(() -> !second.assigned().isEmpty());
                stream.send(kafka, 120, 180);
            }
            stream.send(kafka, 180, stream.size());

            await().atMost(LONG).until(() -> stream.appliedCount(transactions) >= stream.size());
            await().atMost(LONG).until(() -> group.committedToTheEndOf(TOPIC));
        }

        assertAppliedOnceInOrderAndStillConsuming(stream, held.thread(), deadLetteredBefore);
    }

    @Test
    void rejoinsTheGroupWhenItsCommitIsRefusedBecauseTheGroupRebalancedWithoutIt() throws Exception {
        PriceStream stream = new PriceStream(4, 30);
        long deadLetteredBefore = runningStatus().deadLettered();
        HeldEvent held = HeldEvent.at(stream, 40);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap);
             ConsumerGroupProbe group = new ConsumerGroupProbe(bootstrap, GROUP)) {
            stream.send(kafka, 0, stream.size());
            held.awaitReached();
            String member = group.members().get(0).consumerId();

            // the group goes on without the consumer: the commit of the batch it is applying is refused
            group.removeAllMembers();
            await().atMost(LONG).until(group::state, GroupState.EMPTY::equals);
            held.release();

            await().atMost(LONG).until(() -> stream.appliedCount(transactions) >= stream.size());
            await().atMost(LONG).until(() -> group.committedToTheEndOf(TOPIC));
            // a new member of the group: the consumer rejoined after the group had gone on without it
            assertThat(group.members()).extracting(MemberDescription::consumerId).hasSize(1).doesNotContain(member);
        }

        assertAppliedOnceInOrderAndStillConsuming(stream, held.thread(), deadLetteredBefore);
    }

    private void assertAppliedOnceInOrderAndStillConsuming(PriceStream stream, Thread consumerThread,
            long deadLetteredBefore) {
        assertThat(stream.applied(transactions)).isEqualTo(stream.expected());
        assertThat(PriceStream.threadApplyingTheNextEvent(bootstrap, transactions)).isSameAs(consumerThread);
        assertThat(consumerThread.isAlive()).isTrue();

        ConsumerStatus status = runningStatus();
        assertThat(status.deadLettered()).isEqualTo(deadLetteredBefore);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            assertThat(kafka.read(Topics.deadLetterOf(TOPIC), r -> stream.owns(r.key()), 1, Duration.ofSeconds(5)))
                    .isEmpty();
        }
        given().get("/q/health/live").then().statusCode(200);
    }

    /** Waits until the consumer runs, and answers its status. */
    private ConsumerStatus runningStatus() {
        return await().atMost(LONG).until(() -> consumers.statuses().stream()
                .filter(s -> s.consumer().equals(GROUP)).findFirst().orElseThrow(), s -> s.state().equals("RUNNING"));
    }
}

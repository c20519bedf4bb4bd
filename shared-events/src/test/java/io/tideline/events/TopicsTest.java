package io.tideline.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.Topics.TopicSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TopicsTest {

    @Test
    void allHasEveryEventTopicAndItsDeadLetterTopic() {
        assertThat(Topics.all()).hasSize(2 * Topics.eventTopics().size());
        for (TopicSpec topic : Topics.eventTopics()) {
            assertThat(Topics.all()).contains(topic);
            assertThat(Topics.all()).anySatisfy(t -> {
                assertThat(t.name()).isEqualTo(topic.name() + ".dlq");
                assertThat(t.partitions()).isEqualTo(topic.partitions());
                assertThat(t.isDeadLetter()).isTrue();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsPublishedOnACataloguedEventTopic(EventType type) {
        assertThat(Topics.eventTopics()).contains(type.topic());
        assertThat(Topics.byName(type.topic().name())).contains(type.topic());
    }

    @Test
    void everyEventTopicCarriesSomeEvent() {
        assertThat(Topics.eventTopics())
                .allSatisfy(topic -> assertThat(Arrays.stream(EventType.values()).map(EventType::topic))
                        .contains(topic));
    }

    @Test
    void findsDeadLetterTopicsByName() {
        assertThat(Topics.byName("lp.positions.dlq")).contains(Topics.LP_POSITIONS.deadLetter());
        assertThat(Topics.byName("lp.positions.dlq.dlq")).isEmpty();
    }

    @Test
    void refusesEventsFromServicesThatDoNotOwnTheTopic() {
        assertThat(Topics.sourceRefusal("lp.positions", "lp-tracker")).isEmpty();
        assertThat(Topics.sourceRefusal("lp.positions", "pnl-ingest"))
                .hasValue("source 'pnl-ingest' may not publish on lp.positions (its producers: lp-tracker)");
        assertThat(Topics.sourceRefusal("perp.hedges", "intruder")).isPresent();
        // fills and prices come from outside parties as well: any source, validated by their consumers
        assertThat(Topics.sourceRefusal("mm.fills", "market-maker")).isEmpty();
        assertThat(Topics.sourceRefusal("market.prices", "a-venue-feed")).isEmpty();
    }

    @Test
    void theConfigTopicIsCompactedAndOnlyTheGatewayPublishesOnIt() {
        assertThat(Topics.CONFIG.compacted()).isTrue();
        assertThat(Topics.CONFIG.deadLetter().compacted()).isFalse();
        assertThat(Topics.LP_POSITIONS.compacted()).isFalse();
        assertThat(Topics.sourceRefusal("config", "gateway")).isEmpty();
        assertThat(Topics.sourceRefusal("config", "alerting")).isPresent();
        assertThat(TopicProvisioner.newTopic(Topics.CONFIG).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(TopicProvisioner.newTopic(Topics.ALERTS).configs()).isNullOrEmpty();
    }
}

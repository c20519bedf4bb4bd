package io.tideline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.events.lp.LpMinted;
import io.tideline.events.perp.HedgeFailed;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @Test
    void registersEveryEventOfTheTopicTable() {
        assertThat(EventType.values()).hasSize(29);
    }

    @Test
    void wireNamesAndPayloadClassesAreUnique() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(EventType.values()).map(EventType::payloadClass)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void wireNameIsThePayloadRecordName(EventType type) {
        assertThat(type.wireName()).isEqualTo(type.payloadClass().getSimpleName());
        assertThat(type.payloadClass().isRecord()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void looksUpByWireNameAndByPayloadClass(EventType type) {
        assertThat(EventType.byName(type.wireName())).contains(type);
        assertThat(EventType.of(type.payloadClass())).isEqualTo(type);
    }

    @Test
    void findsNoTypeForAnUnknownOrMissingName() {
        assertThat(EventType.byName("LpTeleported")).isEmpty();
        assertThat(EventType.byName("lpminted")).isEmpty();
        assertThat(EventType.byName(null)).isEmpty();
    }

    @Test
    void refusesAPayloadClassItDoesNotRegister() {
        assertThatThrownBy(() -> EventType.of(Unregistered.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a registered event payload");
    }

    @Test
    void routesEventsToTheirTopics() {
        assertThat(EventType.of(LpMinted.class).topic()).isEqualTo(Topics.LP_POSITIONS);
        assertThat(EventType.of(HedgeFailed.class).topic()).isEqualTo(Topics.PERP_HEDGES);
        assertThat(EventType.FILL_RECORDED.topic()).isEqualTo(Topics.MM_FILLS);
        assertThat(EventType.SESSION_SETTLED.topic()).isEqualTo(Topics.MM_SETTLEMENT);
    }

    private record Unregistered() implements EventPayload {
    }
}

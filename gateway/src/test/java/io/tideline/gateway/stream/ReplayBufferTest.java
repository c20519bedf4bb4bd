package io.tideline.gateway.stream;

import io.tideline.service.security.Roles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayBufferTest {

    @Test
    void givesExactlyTheEventsAfterAnIdItCovers() {
        ReplayBuffer buffer = new ReplayBuffer(5);
        for (long s = 1; s <= 4; s++) {
            buffer.record(event(s, "lp.positions"));
        }
        assertThat(buffer.after(1)).hasValueSatisfying(e -> assertThat(sequences(e)).containsExactly(2L, 3L, 4L));
        assertThat(buffer.after(4)).hasValueSatisfying(e -> assertThat(e).isEmpty());
        assertThat(buffer.after(0)).hasValueSatisfying(e -> assertThat(sequences(e)).containsExactly(1L, 2L, 3L,
                4L));
    }

    @Test
    void saysSoWhenTheEventsAfterAnIdAreNoLongerAllThere() {
        ReplayBuffer buffer = new ReplayBuffer(3);
        for (long s = 1; s <= 5; s++) {
            buffer.record(event(s, "alerts"));
        }
        // 1 and 2 are gone: after 2 is still complete (3, 4, 5), after 1 is not
        assertThat(buffer.after(2)).hasValueSatisfying(e -> assertThat(sequences(e)).containsExactly(3L, 4L, 5L));
        assertThat(buffer.after(1)).isEmpty();
        assertThat(buffer.after(0)).isEmpty();
    }

    @Test
    void anIdLaterThanAnythingStreamedIsNotTakenForAPosition() {
        ReplayBuffer buffer = new ReplayBuffer(3);
        buffer.record(event(1, "alerts"));
        assertThat(buffer.after(2)).isEmpty();
    }

    @Test
    void pricesAreNumberedButNotKept() {
        ReplayBuffer buffer = new ReplayBuffer(2);
        buffer.record(event(1, "alerts"));
        buffer.record(event(2, "market.prices"));
        buffer.record(event(3, "market.prices"));
        buffer.record(event(4, "alerts"));
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.latest()).isEqualTo(4);
        // nothing replayable was evicted: a client that saw a price resumes with what came after it
        assertThat(buffer.after(2)).hasValueSatisfying(e -> assertThat(sequences(e)).containsExactly(4L));
        assertThat(buffer.after(0)).hasValueSatisfying(e -> assertThat(sequences(e)).containsExactly(1L, 4L));
    }

    @Test
    void refusesEventsOutOfSequence() {
        ReplayBuffer buffer = new ReplayBuffer(2);
        buffer.record(event(3, "alerts"));
        assertThatThrownBy(() -> buffer.record(event(3, "alerts"))).isInstanceOf(IllegalArgumentException.class);
    }

    static StreamEvent event(long sequence, String topic) {
        return new StreamEvent(sequence, topic, "AlertRaised", Roles.VIEWER, EventSubjects.NONE,
                SseFrame.event("e-" + sequence, "AlertRaised", "{}"));
    }

    private static List<Long> sequences(List<StreamEvent> events) {
        return events.stream().map(StreamEvent::sequence).toList();
    }
}

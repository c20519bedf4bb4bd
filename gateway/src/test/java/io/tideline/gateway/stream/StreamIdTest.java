package io.tideline.gateway.stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamIdTest {

    @Test
    void readsBackWhatItWrites() {
        String epoch = StreamId.newEpoch();
        StreamId id = new StreamId(epoch, 42);
        assertThat(id.toString()).isEqualTo(epoch + "-42");
        assertThat(StreamId.parse(id.toString())).contains(id);
    }

    @Test
    void everyStartHasItsOwnEpoch() {
        assertThat(StreamId.newEpoch()).isNotEqualTo(StreamId.newEpoch());
    }

    @Test
    void anythingElseIsNotAnId() {
        assertThat(StreamId.parse("42")).isEmpty();
        assertThat(StreamId.parse("abc-")).isEmpty();
        assertThat(StreamId.parse("ABC-1")).isEmpty();
        assertThat(StreamId.parse("abc--1")).isEmpty();
        assertThat(StreamId.parse("abc-1234567890123456789")).isEmpty();
        assertThat(StreamId.parse(null)).isEmpty();
    }
}

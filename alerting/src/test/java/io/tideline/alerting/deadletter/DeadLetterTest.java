package io.tideline.alerting.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.messaging.kafka.Headers;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void aKeyAndHeadersWithControlCharactersBecomeStorableText() {
        ConsumerRecord<String, byte[]> r =
                new ConsumerRecord<>("lp.positions.dlq", 2, 41L, "k\u0000ey", new byte[] {0});
        r.headers().add(Headers.DLQ_REASON, "bad\u0000\nvalue".getBytes(StandardCharsets.UTF_8));

        DeadLetter letter = DeadLetter.of(r);

        assertThat(letter.key()).isEqualTo("k\uFFFDey");
        assertThat(letter.reason()).isEqualTo("bad\uFFFD\uFFFDvalue");
        assertThat(letter.detail()).doesNotContain("\u0000").contains("lp.positions.dlq/2@41", "key k\uFFFDey");
    }

    @Test
    void aLongHeaderIsCutAtFiveHundredCharacters() {
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>("x.dlq", 0, 0L, null, new byte[0]);
        r.headers().add(Headers.DLQ_ERROR, "e".repeat(2_000).getBytes(StandardCharsets.UTF_8));

        assertThat(DeadLetter.of(r).error()).hasSize(501).endsWith("e…");
        assertThat(DeadLetter.of(r).key()).isNull();
    }
}

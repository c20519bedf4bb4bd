package io.tideline.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void isRfc4122Version5() {
        // RFC 4122 / Python's uuid.uuid5(NAMESPACE_DNS, "www.example.com")
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(EventIds.v5(dns, "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void namesTheFactWithLengthPrefixedParts() {
        // expected values from Python: uuid.uuid5(ns, "6:lp-log|5:31337|5:0xabc|1:7") and the null-part marker
        assertThat(EventIds.of("lp-log", 31337, "0xabc", 7))
                .isEqualTo(UUID.fromString("e6366ee3-9b38-56a3-8f58-58978af13189"));
        assertThat(EventIds.causedBy(UUID.fromString("00000000-0000-0000-0000-000000000001"), "hedge-open",
                (Object) null)).isEqualTo(UUID.fromString("8d7ee1c5-2a8b-5745-b969-72152200b294"));
    }

    @Test
    void differentSplitsOfTheSameTextAreDifferentFacts() {
        assertThat(EventIds.of("k", "a|b", "c")).isNotEqualTo(EventIds.of("k", "a", "b|c"));
        assertThat(EventIds.of("k", "ab")).isNotEqualTo(EventIds.of("ka", "b"));
        assertThat(EventIds.of("k", (Object) null)).isNotEqualTo(EventIds.of("k", "null"));
        assertThat(EventIds.of("k", 1, 2)).isEqualTo(EventIds.of("k", "1", "2"));
    }
}

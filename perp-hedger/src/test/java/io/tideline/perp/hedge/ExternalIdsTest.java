package io.tideline.perp.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExternalIdsTest {

    private static final UUID HEDGE = UUID.fromString("7f2c1a1e-8d3b-4c55-9a0e-2b7f0d6c9e11");

    @Test
    void theSameOrderAlwaysGetsTheSameIdAndAnyOtherADifferentOne() {
        String open = ExternalIds.of(HEDGE, 0, 0);
        assertThat(open).matches("tl-[0-9a-f]{32}").isEqualTo(ExternalIds.of(HEDGE, 0, 0));
        assertThat(ExternalIds.of(HEDGE, 1, 0)).isNotEqualTo(open);
        assertThat(ExternalIds.of(HEDGE, 0, 1)).isNotEqualTo(open);
        assertThat(ExternalIds.of(UUID.randomUUID(), 0, 0)).isNotEqualTo(open);
    }

    @Test
    void aHedgeBelongsToOnePositionLife() {
        UUID mint = UUID.randomUUID();
        String key = "31337:0xabc:7";
        assertThat(ExternalIds.hedgeId(key, mint)).isEqualTo(ExternalIds.hedgeId(key, mint))
                .isNotEqualTo(ExternalIds.hedgeId(key, UUID.randomUUID()))
                .isNotEqualTo(ExternalIds.hedgeId("31337:0xabc:8", mint));
    }
}

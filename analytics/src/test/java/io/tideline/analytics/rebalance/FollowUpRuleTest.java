package io.tideline.analytics.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a suggestion counts as followed. */
class FollowUpRuleTest {

    private static final Instant MADE = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant CLOSED = MADE.plusSeconds(3600);

    private static FollowUpRule.Suggested suggested(int lower, int upper, Instant made) {
        return new FollowUpRule.Suggested(UUID.randomUUID(), "1:0xpool", 60, lower, upper, made);
    }

    private static FollowUpRule.Minted minted(int lower, int upper, Instant at) {
        return new FollowUpRule.Minted("1:0xpm:2", "1:0xpool", lower, upper, at);
    }

    @Test
    void toleranceIsTheLargerOfTheSpacingAndATenthOfTheWidth() {
        assertThat(FollowUpRule.tolerance(60, -1200, 1200)).isEqualTo(240);
        assertThat(FollowUpRule.tolerance(60, -120, 120)).isEqualTo(60);
    }

    @Test
    void aMintNearTheRangeInTheSamePoolWithinADayFollows() {
        FollowUpRule.Suggested s = suggested(-1200, 1200, MADE);
        assertThat(FollowUpRule.follows(s, CLOSED, minted(-1440, 960, CLOSED.plusSeconds(60)))).isTrue();
        assertThat(FollowUpRule.follows(s, CLOSED, minted(-1500, 1200, CLOSED))).isFalse(); // 300 > 240 ticks off
        assertThat(FollowUpRule.follows(s, CLOSED, minted(-1200, 1200, CLOSED.plusSeconds(86_401)))).isFalse();
        // minted first, closed after: still followed
        assertThat(FollowUpRule.follows(s, CLOSED, minted(-1200, 1200, CLOSED.minusSeconds(60)))).isTrue();
        // but never before the suggestion was made
        assertThat(FollowUpRule.follows(s, CLOSED, minted(-1200, 1200, MADE.minusSeconds(1)))).isFalse();
        assertThat(FollowUpRule.follows(s, CLOSED,
                new FollowUpRule.Minted("1:0xpm:2", "1:0xother", -1200, 1200, CLOSED))).isFalse();
    }

    @Test
    void theNearestSuggestionIsTheOneFollowedTiesToTheNewest() {
        FollowUpRule.Suggested wide = suggested(-2400, 2400, MADE);
        FollowUpRule.Suggested narrow = suggested(-1200, 1200, MADE);
        FollowUpRule.Suggested narrowLater = suggested(-1200, 1200, MADE.plusSeconds(60));
        assertThat(FollowUpRule.followed(List.of(wide, narrow, narrowLater), CLOSED, minted(-1260, 1200, CLOSED)))
                .contains(narrowLater);
        assertThat(FollowUpRule.followed(List.of(wide), CLOSED, minted(-600, 600, CLOSED))).isEmpty();
    }
}

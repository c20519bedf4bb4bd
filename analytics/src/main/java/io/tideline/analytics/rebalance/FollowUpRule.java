package io.tideline.analytics.rebalance;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a suggestion counts as followed: its position was closed, and a new position was minted in the same pool,
 * after the suggestion was made and within {@link #WINDOW} of the close (before or after it: a desk may mint the new
 * range first), with each bound within the tolerance of the suggested one: max(tick spacing, 10 % of the suggested
 * width) ticks. Of several suggestions a mint matches, the nearest (sum of the bounds' distances) is the one followed,
 * ties to the newest. Pure.
 */
public final class FollowUpRule {

    public static final Duration WINDOW = Duration.ofHours(24);

    private FollowUpRule() {
    }

    /** A kept suggestion as the rule reads it. */
    public record Suggested(java.util.UUID id, String pool, int tickSpacing, int tickLower, int tickUpper,
                            Instant createdAt) {
    }

    /** A new position: its pool, range and mint time. */
    public record Minted(String positionKey, String pool, int tickLower, int tickUpper, Instant mintedAt) {
    }

    /** The tolerance in ticks for each bound of a suggested range. */
    public static int tolerance(int tickSpacing, int tickLower, int tickUpper) {
        return Math.max(tickSpacing, (tickUpper - tickLower) / 10);
    }

    /** Whether the mint follows the suggestion whose position closed at {@code closedAt}. */
    public static boolean follows(Suggested s, Instant closedAt, Minted m) {
        if (!s.pool().equals(m.pool()) || m.mintedAt().isBefore(s.createdAt())) {
            return false;
        }
        if (Duration.between(closedAt, m.mintedAt()).abs().compareTo(WINDOW) > 0) {
            return false;
        }
        int tolerance = tolerance(s.tickSpacing(), s.tickLower(), s.tickUpper());
        return Math.abs(m.tickLower() - s.tickLower()) <= tolerance && Math.abs(m.tickUpper() - s.tickUpper()) <= tolerance;
    }

    /** The suggestion the mint followed among those of one closed position, if any. */
    public static Optional<Suggested> followed(List<Suggested> suggestions, Instant closedAt, Minted m) {
        return suggestions.stream().filter(s -> follows(s, closedAt, m))
                .min(Comparator.<Suggested>comparingInt(s -> Math.abs(m.tickLower() - s.tickLower())
                                + Math.abs(m.tickUpper() - s.tickUpper()))
                        .thenComparing(Suggested::createdAt, Comparator.reverseOrder()));
    }
}

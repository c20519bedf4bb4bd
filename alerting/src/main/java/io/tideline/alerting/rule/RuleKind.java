package io.tideline.alerting.rule;

import java.util.Set;

/**
 * What a rule watches, and the {@link RuleParams} fields each kind needs ({@link #required}) or may take
 * ({@link #optional}). The README's rule catalogue has an example of each.
 */
public enum RuleKind {
    /** A price crosses {@code level} in {@code direction} (UP, DOWN or EITHER); clears when it crosses back. */
    PRICE_CROSSES(Set.of("instrument", "level", "direction"), Set.of()),
    /** An LP position has been out of its range for {@code forSeconds}; clears when it is back in range or closed. */
    OUT_OF_RANGE(Set.of("forSeconds"), Set.of()),
    /**
     * An LP position's impermanent loss is beyond {@code amount} (token1) or {@code percent} of its cost (one of the
     * two); clears when it is within again.
     */
    IMPERMANENT_LOSS(Set.of(), Set.of("amount", "percent")),
    /** An LP position's uncollected fees are worth more than {@code amount} (token1); clears once collected. */
    UNCOLLECTED_FEES(Set.of("amount"), Set.of()),
    /** An LP position was closed, or left the desk's wallets. */
    POSITION_CLOSED(Set.of(), Set.of()),
    /** A hedge order failed; clears when the hedge fills. */
    HEDGE_FAILED(Set.of(), Set.of()),
    /** An open LP position has had no hedge fill for {@code forSeconds} since its mint; clears on the first fill. */
    UNHEDGED(Set.of("forSeconds"), Set.of()),
    /**
     * The hedge's short differs from the LP's token0 holding by more than {@code percent} of the holding; clears when
     * back within the band.
     */
    HEDGE_DRIFT(Set.of("percent"), Set.of()),
    /** Market-maker inventory no take-profit covers, older than {@code forSeconds}; clears once covered. */
    UNCOVERED_INVENTORY(Set.of("forSeconds"), Set.of()),
    /** A market-making session's stop-loss tripped (settlement's AlertRaised). */
    STOP_LOSS(Set.of(), Set.of()),
    /** A wallet traded on a prediction market with no arbitrage alert to account for it. */
    UNMATCHED_EXECUTION(Set.of(), Set.of()),
    /**
     * A user's realized P&amp;L fell more than {@code amount} below its peak within {@code windowSeconds}; clears when
     * the drawdown is within again.
     */
    PNL_DRAWDOWN(Set.of("amount", "windowSeconds"), Set.of()),
    /** Any record arrives on a dead-letter topic ({@code topic}: only that one). */
    DEAD_LETTER(Set.of(), Set.of("topic")),
    /** A service has not been ready for {@code forSeconds} ({@code service}: only that one); clears when ready. */
    SERVICE_NOT_READY(Set.of("forSeconds"), Set.of("service"));

    private final Set<String> required;
    private final Set<String> optional;

    RuleKind(Set<String> required, Set<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    /** The parameters this kind cannot do without. */
    public Set<String> required() {
        return required;
    }

    /** The parameters it may take besides (for IMPERMANENT_LOSS exactly one of them is required). */
    public Set<String> optional() {
        return optional;
    }

    /** Whether the kind is checked on a clock (a condition held for a time) rather than on an event. */
    public boolean timed() {
        return this == OUT_OF_RANGE || this == UNHEDGED || this == UNCOVERED_INVENTORY || this == SERVICE_NOT_READY;
    }
}

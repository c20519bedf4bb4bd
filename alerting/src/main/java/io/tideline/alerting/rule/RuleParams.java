package io.tideline.alerting.rule;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A rule's thresholds; which fields a kind uses is in {@link RuleKind}. Money and prices are exact decimals; durations
 * are whole seconds.
 *
 * @param instrument    PRICE_CROSSES: {@code chainId:pool} or a market symbol, as in PriceObserved
 * @param level         PRICE_CROSSES: the price level
 * @param direction     PRICE_CROSSES: UP (from below to at or above), DOWN (from above to at or below) or EITHER
 * @param forSeconds    how long a condition must hold (OUT_OF_RANGE, UNHEDGED, UNCOVERED_INVENTORY,
 *                      SERVICE_NOT_READY)
 * @param amount        a money threshold in the subject's unit (token1 for LP kinds, the venue's collateral for P&amp;L)
 * @param percent       a percentage (IMPERMANENT_LOSS of cost, HEDGE_DRIFT band)
 * @param windowSeconds PNL_DRAWDOWN: the window the peak is taken over
 * @param topic         DEAD_LETTER: only this dead-letter topic
 * @param service       SERVICE_NOT_READY: only this service
 */
public record RuleParams(String instrument, BigDecimal level, Direction direction, Long forSeconds, BigDecimal amount,
                         BigDecimal percent, Long windowSeconds, String topic, String service) {

    /** Which way a price must cross a level. */
    public enum Direction {
        UP,
        DOWN,
        EITHER
    }

    public static RuleParams none() {
        return new RuleParams(null, null, null, null, null, null, null, null, null);
    }

    /** The names of the fields that are set. */
    public Set<String> present() {
        Set<String> names = new LinkedHashSet<>();
        if (instrument != null) {
            names.add("instrument");
        }
        if (level != null) {
            names.add("level");
        }
        if (direction != null) {
            names.add("direction");
        }
        if (forSeconds != null) {
            names.add("forSeconds");
        }
        if (amount != null) {
            names.add("amount");
        }
        if (percent != null) {
            names.add("percent");
        }
        if (windowSeconds != null) {
            names.add("windowSeconds");
        }
        if (topic != null) {
            names.add("topic");
        }
        if (service != null) {
            names.add("service");
        }
        return names;
    }
}

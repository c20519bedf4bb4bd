package io.tideline.extended;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One funding rate a market applied ({@code GET /info/{market}/funding}: {@code m}, {@code f}, {@code T}).
 *
 * @param rate the funding rate of that period, a fraction (positive: longs pay shorts)
 * @param at   when it applied
 */
public record ExtendedFundingRate(String market, BigDecimal rate, Instant at) {
}

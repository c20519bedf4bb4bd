package io.tideline.extended;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One Extended market's trading rules and Starknet settlement assets, from {@code GET /info/markets?market=}
 * ({@code tradingConfig} and {@code l2Config}).
 *
 * @param minOrderSize         smallest order, in the base asset
 * @param minOrderSizeChange   the quantity step: every order quantity is a multiple of it
 * @param minPriceChange       the price step (tick): every order price is a multiple of it
 * @param syntheticAssetId     Starknet id of the base (synthetic) asset, hex ({@code l2Config.syntheticId})
 * @param syntheticResolution  Stark units per one base asset unit
 * @param collateralAssetId    Starknet id of the collateral asset, hex ({@code l2Config.collateralId})
 * @param collateralResolution Stark units per one collateral unit
 */
public record ExtendedMarket(String name, BigDecimal minOrderSize, BigDecimal minOrderSizeChange,
                             BigDecimal minPriceChange, String syntheticAssetId, long syntheticResolution,
                             String collateralAssetId, long collateralResolution) {

    public ExtendedMarket {
        Objects.requireNonNull(name, "name");
        requirePositive(minOrderSize, "minOrderSize");
        requirePositive(minOrderSizeChange, "minOrderSizeChange");
        requirePositive(minPriceChange, "minPriceChange");
    }

    private static void requirePositive(BigDecimal value, String name) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** The largest multiple of the price step not above {@code price} (rounds down, toward a cheaper sell). */
    public BigDecimal priceRoundedDown(BigDecimal price) {
        return price.divide(minPriceChange, 0, RoundingMode.FLOOR).multiply(minPriceChange);
    }

    /** The smallest multiple of the price step not below {@code price} (rounds up, toward a dearer buy). */
    public BigDecimal priceRoundedUp(BigDecimal price) {
        return price.divide(minPriceChange, 0, RoundingMode.CEILING).multiply(minPriceChange);
    }

    /** Whether {@code price} is a positive whole number of price steps. */
    public boolean acceptsPrice(BigDecimal price) {
        return price.signum() > 0 && price.remainder(minPriceChange).signum() == 0;
    }

    /** Whether Extended accepts {@code quantity}: at least the minimum and a whole number of quantity steps. */
    public boolean acceptsQuantity(BigDecimal quantity) {
        return quantity.compareTo(minOrderSize) >= 0 && quantity.remainder(minOrderSizeChange).signum() == 0;
    }
}

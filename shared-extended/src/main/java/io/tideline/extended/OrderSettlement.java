package io.tideline.extended;

import java.util.Objects;

/**
 * The {@code settlement} object of {@code POST /user/order}: the order's signature and the signing account's Stark
 * key and position.
 *
 * @param signatureR         {@code signature.r}, 0x-prefixed hex
 * @param signatureS         {@code signature.s}, 0x-prefixed hex
 * @param starkKey           the account's public Stark key, 0x-prefixed hex
 * @param collateralPosition the account's position (vault) number, a decimal string
 */
public record OrderSettlement(String signatureR, String signatureS, String starkKey, String collateralPosition) {

    public OrderSettlement {
        Objects.requireNonNull(signatureR, "signatureR");
        Objects.requireNonNull(signatureS, "signatureS");
        Objects.requireNonNull(starkKey, "starkKey");
        Objects.requireNonNull(collateralPosition, "collateralPosition");
    }
}

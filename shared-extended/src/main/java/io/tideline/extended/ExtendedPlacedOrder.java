package io.tideline.extended;

/**
 * Extended's answer to {@code POST /user/order}: the order's id and the external id it was sent under. The order may
 * not be visible through {@link ExtendedClient#order} for a while (the API is asynchronous).
 *
 * @param orderId Extended's 64-bit id, as its decimal text
 */
public record ExtendedPlacedOrder(String orderId, String externalId) {
}

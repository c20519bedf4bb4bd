package io.tideline.perp.venue;

/** The venue's acknowledgement of a new order: its id (a decimal string) and the client external id. */
public record PlacedOrder(String orderId, String externalId) {
}
